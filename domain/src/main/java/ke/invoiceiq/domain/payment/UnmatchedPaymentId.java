package ke.invoiceiq.domain.payment;

/** Our id of one unmatched payment. */
public record UnmatchedPaymentId(String value) {
    public UnmatchedPaymentId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("not an unmatched payment id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
