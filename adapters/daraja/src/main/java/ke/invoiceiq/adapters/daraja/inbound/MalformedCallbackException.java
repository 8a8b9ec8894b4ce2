package ke.invoiceiq.adapters.daraja.inbound;

/**
 * An STK callback that cannot become a {@code PaymentResult}: not JSON, or no usable CheckoutRequestID or
 * ResultCode. The message names the missing part only, never a value from the payload.
 */
final class MalformedCallbackException extends Exception {

    MalformedCallbackException(String what) {
        super(what, null, false, false);
    }
}
