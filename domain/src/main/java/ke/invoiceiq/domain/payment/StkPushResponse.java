package ke.invoiceiq.domain.payment;

/** The gateway's synchronous answer to an STK push request. It is never the payment result itself. */
public sealed interface StkPushResponse {

    record Accepted(MerchantRequestId merchantRequestId, CheckoutRequestId checkoutRequestId)
            implements StkPushResponse {
    }

    /** Another prompt is already open on the phone (Daraja 500.001.1001 "unable to lock subscriber"). */
    record SubscriberBusy() implements StkPushResponse {
    }

    /**
     * Not taken now, and certainly not sent on (throttled by spike arrest or quota, Daraja unreachable, breaker
     * open): no prompt reached the phone, the customer may try again at once.
     */
    record RetryLater(String reason) implements StkPushResponse {
    }

    /** Refused for good (bad request, wrong credentials): an operator must look; the customer cannot fix it. */
    record Rejected(String reason) implements StkPushResponse {
    }

    /**
     * Nobody knows whether a prompt went out: the request was sent and no usable answer came (time-out, connection
     * lost, a 5xx from Daraja's back end). The attempt stays in flight until M-PESA tells its outcome.
     */
    record OutcomeUnknown(String reason) implements StkPushResponse {
    }
}
