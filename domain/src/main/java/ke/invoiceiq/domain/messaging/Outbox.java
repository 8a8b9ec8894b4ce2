package ke.invoiceiq.domain.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Driven port: the durable queue of outbound messages. */
public interface Outbox {

    void enqueue(OutboxMessage message);

    /**
     * Takes up to {@code limit} due messages (PENDING, or SENDING whose lease ran out) for this caller alone,
     * marking them SENDING until {@code now + lease}. Two dispatchers never get the same message while a lease
     * holds; a dispatcher that dies mid-send leaves its messages to be claimed again after the lease.
     */
    List<OutboxMessage> claimDue(Instant now, Duration lease, int limit);

    void markSent(String id, Channel channel, String providerMessageId, Instant now);

    /** Back to PENDING, due at {@code nextAttemptAt}, with one more attempt counted. */
    void retryLater(String id, Instant nextAttemptAt, String error, Instant now);

    void markFailed(String id, String error, Instant now);

    Optional<OutboxMessage> find(String id);

    Optional<OutboxMessage> findByProviderMessageId(Channel channel, String providerMessageId);

    /** Moves the delivery status forward only; returns whether it changed. */
    boolean recordDelivery(String id, DeliveryStatus status, Instant now);

    long countPending();

    /**
     * Retention: deletes up to {@code limit} finished messages (SENT or FAILED) last changed strictly before
     * {@code cutoff} (by their last send, failure or delivery report; one changed exactly at the cutoff stays)
     * and returns how many it deleted. PENDING and SENDING messages are never deleted, however old. A caller
     * that gets {@code limit} back calls again.
     */
    int purgeFinishedBefore(Instant cutoff, int limit);
}
