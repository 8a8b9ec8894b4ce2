package ke.invoiceiq.domain.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;

/**
 * Driven port: the durable queue of outbound messages.
 *
 * <p>Claims: a dispatcher takes messages under a claim token of its own (one per run) and a lease. Every later write
 * of that dispatcher about a message ({@link #renewLease}, the {@code mark…} methods, {@link #defer},
 * {@link #retryLater}) names the token and changes the message only while it is still SENDING under that token: a
 * dispatcher whose lease ran out and whose message another one claimed writes nothing, and is told so by a
 * {@code false}. Every finished try (sent, retried, failed) counts in {@code attempts}; a claim, a wait
 * ({@link #defer}) and being carried by a digest ({@link #markCoalesced}) do not.
 */
public interface Outbox {

    void enqueue(OutboxMessage message);

    /**
     * Takes up to {@code limit} due messages (PENDING, or SENDING whose lease ran out) under {@code claim}, marking
     * them SENDING until {@code now + lease}. Two dispatchers never get the same message while a lease holds; a
     * dispatcher that dies mid-send leaves its messages to be claimed again after the lease.
     */
    List<OutboxMessage> claimDue(String claim, Instant now, Duration lease, int limit);

    /**
     * Takes, under {@code claim}, up to {@code limit} more messages of {@code purpose} to {@code recipient} on
     * {@code channel} that wait, due or not (PENDING, or SENDING whose lease ran out), oldest first, skipping those
     * another dispatcher holds: the notices a digest can carry along with the ones already in hand.
     */
    List<OutboxMessage> claimWaiting(String claim, Msisdn recipient, Channel channel, MessagePurpose purpose,
            Instant now, Duration lease, int limit);

    /** Takes one PENDING message by id under {@code claim} (a digest just queued by the same dispatcher). */
    boolean claim(String id, String claim, Instant now, Duration lease);

    /** Extends the lease to {@code until}, just before a send; false when the claim no longer holds. */
    boolean renewLease(String id, String claim, Instant until, Instant now);

    /** SENT on the channel that took it; false (and nothing changed) when the claim no longer holds. */
    boolean markSent(String id, String claim, Channel channel, String providerMessageId, Instant now);

    /** Back to PENDING, due at {@code nextAttemptAt}, with one more attempt counted; false without the claim. */
    boolean retryLater(String id, String claim, Instant nextAttemptAt, String error, Instant now);

    /**
     * Back to PENDING, due at {@code nextAttemptAt}, with no attempt counted: nothing was sent (pacing, throughput,
     * an open breaker). False without the claim.
     */
    boolean defer(String id, String claim, Instant nextAttemptAt, String reason, Instant now);

    /** FAILED for good, one more attempt counted; false without the claim. */
    boolean markFailed(String id, String claim, String error, Instant now);

    /** COALESCED into the digest {@code digestId}, no attempt counted; false without the claim. */
    boolean markCoalesced(String id, String claim, String digestId, Instant now);

    Optional<OutboxMessage> find(String id);

    /**
     * Stores an operator's decision on a FAILED message ({@link OutboxMessage#retriedByOperator},
     * {@link OutboxMessage#abandonedByOperator}): its status, attempts and next attempt time, only while it is still
     * FAILED. False (and nothing changed) when it is not, or there is no such message.
     */
    boolean replaceFailed(OutboxMessage next, Instant now);

    Optional<OutboxMessage> findByProviderMessageId(Channel channel, String providerMessageId);

    /** Moves the delivery status forward only; returns whether it changed. */
    boolean recordDelivery(String id, DeliveryStatus status, Instant now);

    /**
     * Keeps a delivery report whose provider id no message carries yet: a provider may report on a message before
     * its send is recorded. The same report twice is kept once.
     */
    void holdReport(EarlyDeliveryReport report);

    /** Takes (returns and forgets) the held reports about this provider id, oldest first. */
    List<EarlyDeliveryReport> takeHeldReports(Channel channel, String providerMessageId);

    /**
     * Forgets the reports held since before {@code forgetHeldBefore} (their message was never recorded), then takes
     * up to {@code limit} held reports whose provider id a message now carries: the ones that raced the recording
     * of their send.
     */
    List<EarlyDeliveryReport> takeMatchedHeldReports(Instant forgetHeldBefore, int limit);

    long countPending();

    /**
     * When the oldest message not sent or failed yet (PENDING or SENDING, due or waiting) was queued; empty when
     * there is none. Every message is due when queued, so this says how long the longest wait has lasted.
     */
    Optional<Instant> oldestPendingSince();

    /**
     * Retention: deletes up to {@code limit} finished messages (SENT, FAILED or COALESCED) last changed strictly
     * before {@code cutoff} (by their last send, failure or delivery report; one changed exactly at the cutoff
     * stays) and returns how many it deleted. PENDING and SENDING messages are never deleted, however old. A caller
     * that gets {@code limit} back calls again.
     */
    int purgeFinishedBefore(Instant cutoff, int limit);
}
