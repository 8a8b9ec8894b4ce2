package ke.invoiceiq.domain.payment;

/** The gateway's synchronous answer to an STK push request. It is never the payment result itself. */
public sealed interface StkPushResponse {

    record Accepted(MerchantRequestId merchantRequestId, CheckoutRequestId checkoutRequestId)
            implements StkPushResponse {
    }

    /** Another prompt is already open on the phone (Daraja 500.001.1001 "unable to lock subscriber"). */
    record SubscriberBusy() implements StkPushResponse {
    }

    /** Throttled or briefly unavailable (spike arrest, quota, timeout, open breaker): try again later. */
    record RetryLater(String reason) implements StkPushResponse {
    }

    /** Refused for good (bad request, wrong credentials): an operator must look; the customer cannot fix it. */
    record Rejected(String reason) implements StkPushResponse {
    }
}
