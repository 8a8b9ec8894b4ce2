package ke.invoiceiq.domain.payment;

/** The gateway's answer to "how did this STK push end?". */
public sealed interface StkQueryResponse {

    /** M-PESA knows the outcome. A query never carries the receipt number; only the callback does. */
    record Final(StkResult result) implements StkQueryResponse {
    }

    /** The customer has not finished yet ("The transaction is being processed"). */
    record Pending() implements StkQueryResponse {
    }

    /** The query itself failed (throttled, timeout): ask again later. */
    record Unknown(String reason) implements StkQueryResponse {
    }
}
