package ke.invoiceiq.adapters.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.shared.IdempotentAnswers;

/**
 * Keys in a map per scope. A claim is decided atomically: of two requests racing for a new key, one is
 * {@link Claim.Claimed} and the other sees it {@link Claim.Busy}. The first answer stays; completing an answered
 * key again changes nothing.
 */
public final class InMemoryIdempotentAnswers implements IdempotentAnswers {

    private record Key(String scope, String key) {
    }

    private record Entry(String fingerprint, Instant claimedAt, Optional<Answer> answer) {
    }

    private final Map<Key, Entry> entries = new HashMap<>();

    @Override
    public synchronized Claim claim(String scope, String key, String fingerprint, Instant now, Instant staleBefore) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(now, "now");
        Key k = new Key(Objects.requireNonNull(scope, "scope"), Objects.requireNonNull(key, "key"));
        Entry entry = entries.get(k);
        if (entry == null) {
            entries.put(k, new Entry(fingerprint, now, Optional.empty()));
            return new Claim.Claimed();
        }
        if (!entry.fingerprint().equals(fingerprint)) {
            return new Claim.Mismatch();
        }
        if (entry.answer().isPresent()) {
            return new Claim.Replay(entry.answer().get());
        }
        if (entry.claimedAt().isBefore(staleBefore)) {
            entries.put(k, new Entry(fingerprint, now, Optional.empty()));
            return new Claim.Claimed();
        }
        return new Claim.Busy();
    }

    /** @throws IllegalStateException when the key was never claimed (or was purged) */
    @Override
    public synchronized void complete(String scope, String key, Answer answer, Instant now) {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(now, "now");
        Key k = new Key(scope, key);
        Entry entry = entries.get(k);
        if (entry == null) {
            throw new IllegalStateException("idempotency key not claimed in scope " + scope);
        }
        if (entry.answer().isEmpty()) {
            entries.put(k, new Entry(entry.fingerprint(), entry.claimedAt(), Optional.of(answer)));
        }
    }

    /** Claimed the longest ago first, answered or not. */
    @Override
    public synchronized int purgeBefore(Instant cutoff, int limit) {
        Objects.requireNonNull(cutoff, "cutoff");
        Limits.requireNonNegative(limit);
        var expired = entries.entrySet().stream()
                .filter(e -> e.getValue().claimedAt().isBefore(cutoff))
                .sorted(Comparator.comparing(e -> e.getValue().claimedAt()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
        expired.forEach(entries::remove);
        return expired.size();
    }
}
