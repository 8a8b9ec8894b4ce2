package ke.invoiceiq.adapters.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import ke.invoiceiq.domain.messaging.StoredWebhook;
import ke.invoiceiq.domain.messaging.WebhookInbox;

/**
 * Webhooks kept in memory, ids counted from 1, with the same due rule, sender order and leases as the database
 * adapter. Marking is idempotent (the first processing time stays) and an unknown id is ignored, as an SQL update
 * matching no row.
 */
public final class InMemoryWebhookInbox implements WebhookInbox {

    private record Kept(StoredWebhook webhook, Optional<Instant> leasedUntil, Optional<Instant> nextTryAt,
            Optional<Instant> processedAt, Optional<String> lastError, boolean givenUp) {

        boolean due(Instant now) {
            return processedAt.isEmpty() && leasedUntil.filter(now::isBefore).isEmpty()
                    && nextTryAt.filter(now::isBefore).isEmpty();
        }

        boolean before(Kept other) {
            return ORDER.compare(this, other) < 0;
        }

        boolean sharesASenderWith(Kept other) {
            return !Collections.disjoint(webhook.senders(), other.webhook.senders());
        }

        Kept with(Optional<Instant> lease) {
            return new Kept(webhook, lease, nextTryAt, processedAt, lastError, givenUp);
        }
    }

    private static final Comparator<Kept> ORDER = Comparator.comparing((Kept k) -> k.webhook().receivedAt())
            .thenComparingLong(k -> k.webhook().id());

    private final Map<Long, Kept> byId = new LinkedHashMap<>();
    private long lastId;

    @Override
    public synchronized StoredWebhook store(String provider, byte[] body, Instant receivedAt,
            Optional<String> correlationId, Set<String> senders, Optional<Instant> leasedUntil) {
        Objects.requireNonNull(leasedUntil, "leasedUntil");
        var webhook = new StoredWebhook(lastId + 1, provider, body, receivedAt, correlationId, senders, 0);
        lastId++;
        byId.put(webhook.id(), new Kept(webhook, leasedUntil, Optional.empty(), Optional.empty(), Optional.empty(),
                false));
        return webhook;
    }

    /** Oldest first (received time, then id). */
    @Override
    public synchronized List<StoredWebhook> claimDue(Instant now, Duration lease, int limit) {
        Objects.requireNonNull(now, "now");
        Limits.requireNonNegative(limit);
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must be positive: " + lease);
        }
        var waiting = byId.values().stream().filter(k -> k.processedAt().isEmpty() && !k.due(now)).toList();
        var due = byId.values().stream()
                .filter(k -> k.due(now))
                .filter(k -> waiting.stream().noneMatch(w -> w.before(k) && w.sharesASenderWith(k)))
                .sorted(ORDER)
                .limit(limit)
                .toList();
        due.forEach(k -> byId.put(k.webhook().id(), k.with(Optional.of(now.plus(lease)))));
        return due.stream().map(Kept::webhook).toList();
    }

    @Override
    public synchronized Turn begin(long id) {
        Kept kept = byId.get(id);
        if (kept == null || kept.processedAt().isPresent()) {
            return Turn.DONE;
        }
        boolean behind = byId.values().stream().anyMatch(
                k -> k.processedAt().isEmpty() && k.before(kept) && k.sharesASenderWith(kept));
        if (!behind) {
            return Turn.PROCEED;
        }
        byId.put(id, kept.with(Optional.empty()));
        return Turn.WAIT;
    }

    @Override
    public synchronized void markProcessed(long id, Instant now) {
        Objects.requireNonNull(now, "now");
        byId.computeIfPresent(id, (key, k) -> k.processedAt().isPresent() ? k
                : new Kept(k.webhook(), k.leasedUntil(), k.nextTryAt(), Optional.of(now), k.lastError(), false));
    }

    @Override
    public synchronized void markFailed(long id, String error, Instant retryAt) {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(retryAt, "retryAt");
        byId.computeIfPresent(id, (key, k) -> k.processedAt().isPresent() ? k
                : new Kept(failedOnceMore(k.webhook()), Optional.empty(), Optional.of(retryAt), Optional.empty(),
                        Optional.of(error), false));
    }

    @Override
    public synchronized void markGivenUp(long id, String error, Instant now) {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(now, "now");
        byId.computeIfPresent(id, (key, k) -> k.processedAt().isPresent() ? k
                : new Kept(failedOnceMore(k.webhook()), Optional.empty(), k.nextTryAt(), Optional.of(now),
                        Optional.of(error), true));
    }

    @Override
    public synchronized void release(Collection<Long> ids) {
        for (Long id : ids) {
            byId.computeIfPresent(id, (key, k) -> k.processedAt().isPresent() ? k : k.with(Optional.empty()));
        }
    }

    @Override
    public synchronized Optional<Instant> oldestUnprocessed() {
        return byId.values().stream().filter(k -> k.processedAt().isEmpty()).map(k -> k.webhook().receivedAt())
                .min(Comparator.naturalOrder());
    }

    /** Processed the longest ago first; unprocessed webhooks always stay. */
    @Override
    public synchronized int purgeProcessedBefore(Instant cutoff, int limit) {
        Objects.requireNonNull(cutoff, "cutoff");
        Limits.requireNonNegative(limit);
        var expired = byId.values().stream()
                .filter(k -> k.processedAt().filter(at -> at.isBefore(cutoff)).isPresent())
                .sorted(Comparator.comparing((Kept k) -> k.processedAt().orElseThrow()))
                .limit(limit)
                .map(k -> k.webhook().id())
                .toList();
        expired.forEach(byId::remove);
        return expired.size();
    }

    private static StoredWebhook failedOnceMore(StoredWebhook w) {
        return new StoredWebhook(w.id(), w.provider(), w.body(), w.receivedAt(), w.correlationId(), w.senders(),
                w.failures() + 1);
    }

    /** For tests: how many webhooks are kept and not processed yet. */
    public synchronized long countUnprocessed() {
        return byId.values().stream().filter(k -> k.processedAt().isEmpty()).count();
    }

    /** For tests: every webhook kept, processed or not, in the order stored. */
    public synchronized List<StoredWebhook> all() {
        return byId.values().stream().map(Kept::webhook).toList();
    }

    /** For tests: whether the webhook with this id is kept and processed. */
    public synchronized boolean isProcessed(long id) {
        return Optional.ofNullable(byId.get(id)).flatMap(Kept::processedAt).isPresent();
    }

    /** For tests: whether the webhook with this id was given up on. */
    public synchronized boolean isGivenUp(long id) {
        return Optional.ofNullable(byId.get(id)).filter(Kept::givenUp).isPresent();
    }

    /** For tests: the kept webhook with this id, as a claim would hand it out (with its failures so far). */
    public synchronized Optional<StoredWebhook> find(long id) {
        return Optional.ofNullable(byId.get(id)).map(Kept::webhook);
    }
}
