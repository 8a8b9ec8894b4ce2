package ke.invoiceiq.domain.payment;

/** Daraja's second id of an STK push, kept for support conversations with Safaricom. */
public record MerchantRequestId(String value) {
    public MerchantRequestId {
        if (value == null || value.isBlank() || value.length() > 100) {
            throw new IllegalArgumentException("not a MerchantRequestID");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
