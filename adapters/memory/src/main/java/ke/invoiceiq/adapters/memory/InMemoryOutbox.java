package ke.invoiceiq.adapters.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.DeliveryStatus;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.OutboxStatus;

/**
 * The outbox as a map. A SENDING message's {@code nextAttemptAt} is the end of its lease, so "due" is one
 * test for both PENDING and abandoned SENDING messages. Every finished attempt (sent, retry, failed) counts
 * in {@code attempts}; a claim alone does not, since its sender may die before trying. Each message's last
 * change (enqueue, claim, send, retry, failure, delivery report) is remembered for the retention purge.
 */
public final class InMemoryOutbox implements Outbox {

    private static final Comparator<OutboxMessage> DUE_ORDER = Comparator.comparing(OutboxMessage::nextAttemptAt)
            .thenComparing(OutboxMessage::createdAt)
            .thenComparing(OutboxMessage::id);

    private final Map<String, OutboxMessage> byId = new LinkedHashMap<>();
    private final Map<String, Instant> updatedAt = new HashMap<>();

    @Override
    public synchronized void enqueue(OutboxMessage message) {
        if (byId.putIfAbsent(message.id(), message) != null) {
            throw new IllegalStateException("outbox message " + message.id() + " exists already");
        }
        updatedAt.put(message.id(), message.createdAt());
    }

    @Override
    public synchronized List<OutboxMessage> claimDue(Instant now, Duration lease, int limit) {
        Limits.requireNonNegative(limit);
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must be positive: " + lease);
        }
        List<OutboxMessage> due = byId.values().stream()
                .filter(m -> isClaimable(m.status()) && !m.nextAttemptAt().isAfter(now))
                .sorted(DUE_ORDER)
                .limit(limit)
                .toList();
        return due.stream()
                .map(m -> put(with(m, OutboxStatus.SENDING, m.channel(), m.attempts(), now.plus(lease),
                        m.providerMessageId(), m.delivery(), m.lastError()), now))
                .toList();
    }

    @Override
    public synchronized void markSent(String id, Channel channel, String providerMessageId, Instant now) {
        change(id, m -> with(m, OutboxStatus.SENT, channel, m.attempts() + 1, m.nextAttemptAt(),
                Optional.of(providerMessageId), m.delivery(), m.lastError()), now);
    }

    @Override
    public synchronized void retryLater(String id, Instant nextAttemptAt, String error, Instant now) {
        change(id, m -> with(m, OutboxStatus.PENDING, m.channel(), m.attempts() + 1, nextAttemptAt,
                m.providerMessageId(), m.delivery(), Optional.of(error)), now);
    }

    @Override
    public synchronized void markFailed(String id, String error, Instant now) {
        change(id, m -> with(m, OutboxStatus.FAILED, m.channel(), m.attempts() + 1, m.nextAttemptAt(),
                m.providerMessageId(), m.delivery(), Optional.of(error)), now);
    }

    @Override
    public synchronized Optional<OutboxMessage> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<OutboxMessage> findByProviderMessageId(Channel channel, String providerMessageId) {
        return byId.values().stream()
                .filter(m -> m.channel() == channel && m.providerMessageId().equals(Optional.of(providerMessageId)))
                .findFirst();
    }

    /** An unknown id changes nothing and answers false. */
    @Override
    public synchronized boolean recordDelivery(String id, DeliveryStatus status, Instant now) {
        OutboxMessage m = byId.get(id);
        if (m == null || m.delivery().isPresent() && !m.delivery().get().canAdvanceTo(status)) {
            return false;
        }
        put(with(m, m.status(), m.channel(), m.attempts(), m.nextAttemptAt(), m.providerMessageId(),
                Optional.of(status), m.lastError()), now);
        return true;
    }

    @Override
    public synchronized long countPending() {
        return byId.values().stream().filter(m -> isClaimable(m.status())).count();
    }

    /** The longest unchanged first; PENDING and SENDING messages always stay. */
    @Override
    public synchronized int purgeFinishedBefore(Instant cutoff, int limit) {
        Objects.requireNonNull(cutoff, "cutoff");
        Limits.requireNonNegative(limit);
        var expired = byId.values().stream()
                .filter(m -> !isClaimable(m.status()) && updatedAt.get(m.id()).isBefore(cutoff))
                .map(OutboxMessage::id)
                .sorted(Comparator.comparing(updatedAt::get))
                .limit(limit)
                .toList();
        for (String id : expired) {
            byId.remove(id);
            updatedAt.remove(id);
        }
        return expired.size();
    }

    /** Every message, in the order enqueued: for tests. */
    public synchronized List<OutboxMessage> all() {
        return List.copyOf(byId.values());
    }

    private static boolean isClaimable(OutboxStatus status) {
        return status == OutboxStatus.PENDING || status == OutboxStatus.SENDING;
    }

    private void change(String id, UnaryOperator<OutboxMessage> change, Instant now) {
        OutboxMessage m = byId.get(id);
        if (m == null) {
            throw new IllegalStateException("no outbox message " + id);
        }
        put(change.apply(m), now);
    }

    private OutboxMessage put(OutboxMessage m, Instant now) {
        byId.put(m.id(), m);
        updatedAt.put(m.id(), Objects.requireNonNull(now, "now"));
        return m;
    }

    private static OutboxMessage with(OutboxMessage m, OutboxStatus status, Channel channel, int attempts,
            Instant nextAttemptAt, Optional<String> providerMessageId, Optional<DeliveryStatus> delivery,
            Optional<String> lastError) {
        return new OutboxMessage(m.id(), m.recipient(), m.purpose(), m.invoiceId(), channel, m.content(), status,
                attempts, nextAttemptAt, providerMessageId, delivery, lastError, m.createdAt(), m.correlationId());
    }
}
