package ke.invoiceiq.domain.payment;

/** Our own id of one STK attempt. */
public record PaymentId(String value) {
    public PaymentId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("not a payment id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
