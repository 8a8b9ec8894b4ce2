package ke.invoiceiq.domain.payment;

/** The gateway's answer to "how did this STK push end?". */
public sealed interface StkQueryResponse {

    /** M-PESA knows the outcome. A query never carries the receipt number; only the callback does. */
    record Final(StkResult result) implements StkQueryResponse {
    }

    /** The customer has not finished yet ("The transaction is being processed"). */
    record Pending() implements StkQueryResponse {
    }

    /** The query itself failed (timeout, server error): ask again later. */
    record Unknown(String reason) implements StkQueryResponse {
    }

    /** Daraja's rate limit (spike arrest, quota) refused the query: stop asking for a while. */
    record Throttled(String reason) implements StkQueryResponse {
    }
}
