package ke.invoiceiq.domain.payment;

/** Daraja's id of one STK push ({@code ws_CO_…}): the key that ties a callback to its payment. */
public record CheckoutRequestId(String value) {
    public CheckoutRequestId {
        if (value == null || value.isBlank() || value.length() > 100) {
            throw new IllegalArgumentException("not a CheckoutRequestID");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
