package ke.invoiceiq.adapters.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.DeliveryStatus;
import ke.invoiceiq.domain.messaging.EarlyDeliveryReport;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.OutboxStatus;

/**
 * The outbox as a map. A SENDING message's {@code nextAttemptAt} is the end of its lease, so "due" is one
 * test for both PENDING and abandoned SENDING messages; the claim token it is held under is kept beside it. Every
 * finished attempt (sent, retry, failed) counts in {@code attempts}; a claim, a wait and a coalescing do not, since
 * nothing was tried. Each message's last change (enqueue, claim, send, retry, failure, delivery report) is
 * remembered for the retention purge.
 */
public final class InMemoryOutbox implements Outbox {

    private static final Comparator<OutboxMessage> DUE_ORDER = Comparator.comparing(OutboxMessage::nextAttemptAt)
            .thenComparing(OutboxMessage::createdAt)
            .thenComparing(OutboxMessage::id);

    private record HeldKey(Channel channel, String providerMessageId, DeliveryStatus status) {
    }

    private final Map<String, OutboxMessage> byId = new LinkedHashMap<>();
    private final Map<String, Instant> updatedAt = new HashMap<>();
    private final Map<String, String> claims = new HashMap<>();
    private final Map<HeldKey, EarlyDeliveryReport> held = new LinkedHashMap<>();

    @Override
    public synchronized void enqueue(OutboxMessage message) {
        if (byId.putIfAbsent(message.id(), message) != null) {
            throw new IllegalStateException("outbox message " + message.id() + " exists already");
        }
        updatedAt.put(message.id(), message.createdAt());
    }

    @Override
    public synchronized List<OutboxMessage> claimDue(String claim, Instant now, Duration lease, int limit) {
        Limits.requireNonNegative(limit);
        requirePositive(lease);
        Objects.requireNonNull(claim, "claim");
        List<OutboxMessage> due = byId.values().stream()
                .filter(m -> m.status().isOpen() && !m.nextAttemptAt().isAfter(now))
                .sorted(DUE_ORDER)
                .limit(limit)
                .toList();
        return due.stream().map(m -> take(m, claim, now, lease)).toList();
    }

    @Override
    public synchronized List<OutboxMessage> claimWaiting(String claim, Msisdn recipient, Channel channel,
            MessagePurpose purpose, Instant now, Duration lease, int limit) {
        Limits.requireNonNegative(limit);
        requirePositive(lease);
        Objects.requireNonNull(claim, "claim");
        List<OutboxMessage> waiting = byId.values().stream()
                .filter(m -> m.recipient().equals(recipient) && m.channel() == channel && m.purpose() == purpose)
                .filter(m -> m.status() == OutboxStatus.PENDING
                        || m.status() == OutboxStatus.SENDING && !m.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(OutboxMessage::createdAt).thenComparing(OutboxMessage::id))
                .limit(limit)
                .toList();
        return waiting.stream().map(m -> take(m, claim, now, lease)).toList();
    }

    @Override
    public synchronized boolean claim(String id, String claim, Instant now, Duration lease) {
        requirePositive(lease);
        OutboxMessage m = byId.get(id);
        if (m == null || m.status() != OutboxStatus.PENDING) {
            return false;
        }
        take(m, Objects.requireNonNull(claim, "claim"), now, lease);
        return true;
    }

    @Override
    public synchronized boolean renewLease(String id, String claim, Instant until, Instant now) {
        return changeHeld(id, claim, m -> with(m, OutboxStatus.SENDING, m.channel(), m.attempts(), until,
                m.providerMessageId(), m.delivery(), m.lastError(), Optional.empty()), now, true);
    }

    @Override
    public synchronized boolean markSent(String id, String claim, Channel channel, String providerMessageId,
            Instant now) {
        return changeHeld(id, claim, m -> with(m, OutboxStatus.SENT, channel, m.attempts() + 1, m.nextAttemptAt(),
                Optional.of(providerMessageId), m.delivery(), m.lastError(), Optional.empty()), now, false);
    }

    @Override
    public synchronized boolean retryLater(String id, String claim, Instant nextAttemptAt, String error,
            Instant now) {
        return changeHeld(id, claim, m -> with(m, OutboxStatus.PENDING, m.channel(), m.attempts() + 1, nextAttemptAt,
                m.providerMessageId(), m.delivery(), Optional.of(error), Optional.empty()), now, false);
    }

    @Override
    public synchronized boolean defer(String id, String claim, Instant nextAttemptAt, String reason, Instant now) {
        return changeHeld(id, claim, m -> with(m, OutboxStatus.PENDING, m.channel(), m.attempts(), nextAttemptAt,
                m.providerMessageId(), m.delivery(), Optional.of(reason), Optional.empty()), now, false);
    }

    @Override
    public synchronized boolean markFailed(String id, String claim, String error, Instant now) {
        return changeHeld(id, claim, m -> with(m, OutboxStatus.FAILED, m.channel(), m.attempts() + 1,
                m.nextAttemptAt(), m.providerMessageId(), m.delivery(), Optional.of(error), Optional.empty()), now,
                false);
    }

    @Override
    public synchronized boolean markCoalesced(String id, String claim, String digestId, Instant now) {
        Objects.requireNonNull(digestId, "digestId");
        return changeHeld(id, claim, m -> with(m, OutboxStatus.COALESCED, m.channel(), m.attempts(),
                m.nextAttemptAt(), m.providerMessageId(), m.delivery(), m.lastError(), Optional.of(digestId)), now,
                false);
    }

    /** The status, attempts and next attempt time of {@code next}, only while the stored message is FAILED. */
    @Override
    public synchronized boolean replaceFailed(OutboxMessage next, Instant now) {
        Objects.requireNonNull(now, "now");
        OutboxMessage m = byId.get(next.id());
        if (m == null || m.status() != OutboxStatus.FAILED) {
            return false;
        }
        byId.put(m.id(), with(m, next.status(), m.channel(), next.attempts(), next.nextAttemptAt(),
                m.providerMessageId(), m.delivery(), m.lastError(), m.coalescedInto()));
        updatedAt.put(m.id(), now);
        claims.remove(m.id());
        return true;
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
                Optional.of(status), m.lastError(), m.coalescedInto()), now);
        return true;
    }

    @Override
    public synchronized void holdReport(EarlyDeliveryReport report) {
        held.putIfAbsent(new HeldKey(report.channel(), report.providerMessageId(), report.status()), report);
    }

    @Override
    public synchronized List<EarlyDeliveryReport> takeHeldReports(Channel channel, String providerMessageId) {
        List<EarlyDeliveryReport> taken = held.values().stream()
                .filter(r -> r.channel() == channel && r.providerMessageId().equals(providerMessageId))
                .sorted(Comparator.comparing(EarlyDeliveryReport::reportedAt))
                .toList();
        taken.forEach(r -> held.remove(new HeldKey(r.channel(), r.providerMessageId(), r.status())));
        return taken;
    }

    @Override
    public synchronized List<EarlyDeliveryReport> takeMatchedHeldReports(Instant forgetHeldBefore, int limit) {
        Limits.requireNonNegative(limit);
        held.values().removeIf(r -> r.heldAt().isBefore(forgetHeldBefore));
        List<EarlyDeliveryReport> matched = new ArrayList<>();
        for (EarlyDeliveryReport r : held.values()) {
            if (matched.size() == limit) {
                break;
            }
            if (findByProviderMessageId(r.channel(), r.providerMessageId()).isPresent()) {
                matched.add(r);
            }
        }
        matched.forEach(r -> held.remove(new HeldKey(r.channel(), r.providerMessageId(), r.status())));
        return matched;
    }

    @Override
    public synchronized long countPending() {
        return byId.values().stream().filter(m -> m.status().isOpen()).count();
    }

    @Override
    public synchronized Optional<Instant> oldestPendingSince() {
        return byId.values().stream().filter(m -> m.status().isOpen()).map(OutboxMessage::createdAt)
                .min(Comparator.naturalOrder());
    }

    /** The longest unchanged first; PENDING and SENDING messages always stay. */
    @Override
    public synchronized int purgeFinishedBefore(Instant cutoff, int limit) {
        Objects.requireNonNull(cutoff, "cutoff");
        Limits.requireNonNegative(limit);
        var expired = byId.values().stream()
                .filter(m -> !m.status().isOpen() && updatedAt.get(m.id()).isBefore(cutoff))
                .map(OutboxMessage::id)
                .sorted(Comparator.comparing(updatedAt::get))
                .limit(limit)
                .toList();
        for (String id : expired) {
            byId.remove(id);
            updatedAt.remove(id);
            claims.remove(id);
        }
        return expired.size();
    }

    /** Every message, in the order enqueued: for tests. */
    public synchronized List<OutboxMessage> all() {
        return List.copyOf(byId.values());
    }

    /** The reports held, oldest first: for tests. */
    public synchronized List<EarlyDeliveryReport> held() {
        return List.copyOf(held.values());
    }

    private OutboxMessage take(OutboxMessage m, String claim, Instant now, Duration lease) {
        claims.put(m.id(), claim);
        return put(with(m, OutboxStatus.SENDING, m.channel(), m.attempts(), now.plus(lease), m.providerMessageId(),
                m.delivery(), m.lastError(), Optional.empty()), now);
    }

    /** Applies the change when the message is SENDING under {@code claim}; the claim ends unless it is kept. */
    private boolean changeHeld(String id, String claim, UnaryOperator<OutboxMessage> change, Instant now,
            boolean keepClaim) {
        Objects.requireNonNull(claim, "claim");
        OutboxMessage m = byId.get(id);
        if (m == null || m.status() != OutboxStatus.SENDING || !claim.equals(claims.get(id))) {
            return false;
        }
        put(change.apply(m), now);
        if (!keepClaim) {
            claims.remove(id);
        }
        return true;
    }

    private OutboxMessage put(OutboxMessage m, Instant now) {
        byId.put(m.id(), m);
        updatedAt.put(m.id(), Objects.requireNonNull(now, "now"));
        return m;
    }

    private static void requirePositive(Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must be positive: " + lease);
        }
    }

    private static OutboxMessage with(OutboxMessage m, OutboxStatus status, Channel channel, int attempts,
            Instant nextAttemptAt, Optional<String> providerMessageId, Optional<DeliveryStatus> delivery,
            Optional<String> lastError, Optional<String> coalescedInto) {
        return new OutboxMessage(m.id(), m.recipient(), m.purpose(), m.invoiceId(), channel, m.content(), status,
                attempts, nextAttemptAt, providerMessageId, delivery, lastError, m.createdAt(), m.correlationId(),
                coalescedInto);
    }
}
