package ke.invoiceiq.domain.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: every payment result M-PESA sends is written here first, with its raw body and the time it
 * arrived, and acknowledged; applying it happens from here, so an early, repeated or conflicting callback is
 * neither lost nor applied twice. One CheckoutRequestID may have several results (a 1037, then a 0 with a
 * receipt); the same result told twice (same CheckoutRequestID, result code and receipt) is kept once.
 */
public interface PaymentResultInbox {

    /** Keeps the result; false when the same one is kept already. {@code rawBody} is kept as sent. */
    boolean store(PaymentResult result, Optional<String> rawBody);

    /** Results for {@code id} not applied yet, oldest first. */
    List<KeptResult> unprocessed(CheckoutRequestId id);

    void markProcessed(long keptId, Instant at);

    /**
     * Claims up to {@code limit} results not applied yet that arrived before {@code cutoff} and that no other
     * instance holds, until {@code leaseUntil}; those not tried for the longest come first, so a result that keeps
     * failing cannot hold back newer ones.
     */
    List<KeptResult> claimUnprocessed(Instant cutoff, Instant now, Instant leaseUntil, int limit);

    /**
     * Retention: deletes up to {@code limit} results marked processed strictly before {@code cutoff} (one
     * processed exactly at the cutoff stays) and returns how many it deleted. A result not processed yet is never
     * deleted, however old. A caller that gets {@code limit} back calls again.
     */
    int purgeProcessedBefore(Instant cutoff, int limit);
}
