package ke.invoiceiq.adapters.http.api;

/**
 * Every error the merchant API answers with, each with a stable {@code type} URI
 * ({@code https://invoiceiq.ke/problems/<slug>}), its HTTP status and a short title. Clients branch on the type;
 * the detail is for people. Slugs never change meaning once published.
 */
public enum ProblemType {
    VALIDATION("validation-error", 400, "The request is not valid"),
    MALFORMED_JSON("malformed-json", 400, "The body is not valid JSON"),
    UNAUTHORIZED("unauthorized", 401, "A valid API key is required"),
    NOT_YOUR_INVOICE("not-your-invoice", 403, "The payer is not the invoiced customer"),
    INVOICE_NOT_FOUND("invoice-not-found", 404, "No such invoice"),
    UNMATCHED_PAYMENT_NOT_FOUND("unmatched-payment-not-found", 404, "No such unmatched payment"),
    PAYMENT_NOT_FOUND("payment-not-found", 404, "No such payment attempt"),
    OUTBOX_MESSAGE_NOT_FOUND("outbox-message-not-found", 404, "No such outbox message"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "No acceptable representation"),
    INVOICE_NOT_SENT_YET("invoice-not-sent-yet", 409, "The invoice has not reached the customer yet"),
    INVOICE_ALREADY_PAID("invoice-already-paid", 409, "The invoice is paid"),
    INVOICE_CANCELLED("invoice-cancelled", 409, "The invoice is cancelled"),
    PAYMENT_IN_FLIGHT("payment-in-flight", 409, "An M-PESA prompt for this invoice is open"),
    REMINDER_LIMIT_REACHED("reminder-limit-reached", 409, "No more reminders for this invoice"),
    PAYER_BUSY("payer-busy", 409, "Another M-PESA prompt is open on the customer's phone"),
    REQUEST_IN_PROGRESS("request-in-progress", 409, "A request with this Idempotency-Key is in progress"),
    UNMATCHED_PAYMENT_APPLIED("unmatched-payment-applied", 409, "The unmatched payment was applied already"),
    PAYMENT_ALREADY_RECORDED("payment-already-recorded", 409, "The payment is recorded on an invoice already"),
    PAYMENT_NOT_QUERYABLE("payment-not-queryable", 409, "M-PESA cannot be asked about this payment attempt"),
    C2B_NOT_CONFIGURED("c2b-not-configured", 409, "No Paybill or Till is configured, or no public URL for C2B"),
    OUTBOX_MESSAGE_NOT_FAILED("outbox-message-not-failed", 409, "Only a FAILED outbox message can be retried or abandoned"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "The body must be JSON"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "The Idempotency-Key was used for another request"),
    UNKNOWN_CUSTOMER("unknown-customer", 422, "No such customer"),
    AMBIGUOUS_CUSTOMER("ambiguous-customer", 422, "Several customers have that name"),
    MORE_THAN_BALANCE("more-than-balance", 422, "The amount is more than the invoice's balance"),
    PAYMENT_AMOUNT_UNKNOWN("payment-amount-unknown", 422, "M-PESA did not report the amount of the payment"),
    REMINDED_RECENTLY("reminded-recently", 429, "The customer was reminded a short while ago"),
    PAYMENT_COOLING_DOWN("payment-cooling-down", 429, "The last M-PESA attempt failed moments ago"),
    PAYMENT_GATEWAY_REJECTED("payment-gateway-rejected", 502, "M-PESA refused the payment request"),
    PAYMENT_GATEWAY_UNAVAILABLE("payment-gateway-unavailable", 503, "M-PESA is not taking requests right now");

    public static final String BASE = "https://invoiceiq.ke/problems/";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return BASE + slug;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
