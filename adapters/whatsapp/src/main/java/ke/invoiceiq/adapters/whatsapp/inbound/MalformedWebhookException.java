package ke.invoiceiq.adapters.whatsapp.inbound;

/** The signed body is not a JSON object. Carries no part of the payload. */
final class MalformedWebhookException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedWebhookException(String reason) {
        super(reason, null, false, false);
    }
}
