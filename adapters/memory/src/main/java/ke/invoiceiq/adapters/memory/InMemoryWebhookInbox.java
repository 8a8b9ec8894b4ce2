package ke.invoiceiq.adapters.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.messaging.StoredWebhook;
import ke.invoiceiq.domain.messaging.WebhookInbox;

/**
 * Webhooks kept in memory, ids counted from 1, with the same due rule and leases as the database adapter. Marking
 * is idempotent (the first processing time stays) and an unknown id is ignored, as an SQL update matching no row.
 */
public final class InMemoryWebhookInbox implements WebhookInbox {

    private record Kept(StoredWebhook webhook, Optional<Instant> leasedUntil, Optional<Instant> processedAt,
            int attempts) {
    }

    private final Map<Long, Kept> byId = new LinkedHashMap<>();
    private long lastId;

    @Override
    public synchronized StoredWebhook store(String provider, byte[] body, Instant receivedAt,
            Optional<String> correlationId) {
        var webhook = new StoredWebhook(lastId + 1, provider, body, receivedAt, correlationId);
        lastId++;
        byId.put(webhook.id(), new Kept(webhook, Optional.empty(), Optional.empty(), 0));
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
        Instant storedBy = now.minus(lease);
        var due = byId.values().stream()
                .filter(k -> k.processedAt().isEmpty())
                .filter(k -> !k.webhook().receivedAt().isAfter(storedBy))
                .filter(k -> k.leasedUntil().filter(until -> until.isAfter(now)).isEmpty())
                .sorted(Comparator.comparing((Kept k) -> k.webhook().receivedAt())
                        .thenComparingLong(k -> k.webhook().id()))
                .limit(limit)
                .toList();
        due.forEach(k -> byId.put(k.webhook().id(),
                new Kept(k.webhook(), Optional.of(now.plus(lease)), k.processedAt(), k.attempts() + 1)));
        return due.stream().map(Kept::webhook).toList();
    }

    @Override
    public synchronized void markProcessed(long id, Instant now) {
        Objects.requireNonNull(now, "now");
        byId.computeIfPresent(id, (key, k) -> k.processedAt().isPresent() ? k
                : new Kept(k.webhook(), k.leasedUntil(), Optional.of(now), k.attempts()));
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
}
