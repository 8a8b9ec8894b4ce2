package ke.invoiceiq.domain.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: every payment result is written here first (unique by CheckoutRequestID) and acknowledged;
 * applying it to a payment happens from here, so an early or repeated callback is neither lost nor applied
 * twice.
 */
public interface PaymentResultInbox {

    /** Keeps the result; false when one for the same CheckoutRequestID is already kept. */
    boolean store(PaymentResult result);

    Optional<PaymentResult> findUnprocessed(CheckoutRequestId id);

    void markProcessed(CheckoutRequestId id, Instant at);

    /** Results not applied yet that arrived before {@code cutoff}: early callbacks still waiting for a match. */
    List<PaymentResult> unprocessedBefore(Instant cutoff, int limit);

    /**
     * Retention: deletes up to {@code limit} results marked processed strictly before {@code cutoff} (one
     * processed exactly at the cutoff stays) and returns how many it deleted. A result not processed yet is never
     * deleted, however old. A caller that gets {@code limit} back calls again.
     */
    int purgeProcessedBefore(Instant cutoff, int limit);
}
