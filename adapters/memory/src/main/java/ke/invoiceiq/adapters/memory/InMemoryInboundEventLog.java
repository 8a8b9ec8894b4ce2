package ke.invoiceiq.adapters.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import ke.invoiceiq.domain.messaging.InboundEventLog;

/** The inbound events seen so far, with the time each was first seen. */
public final class InMemoryInboundEventLog implements InboundEventLog {

    private record Key(String provider, String eventId) {
        Key {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(eventId, "eventId");
        }
    }

    private final Map<Key, Instant> seen = new ConcurrentHashMap<>();

    @Override
    public boolean firstSeen(String provider, String eventId, Instant at) {
        Objects.requireNonNull(at, "at");
        return seen.putIfAbsent(new Key(provider, eventId), at) == null;
    }

    @Override
    public boolean seen(String provider, String eventId) {
        return seen.containsKey(new Key(provider, eventId));
    }

    /** Oldest first. */
    @Override
    public synchronized int purgeBefore(Instant cutoff, int limit) {
        Objects.requireNonNull(cutoff, "cutoff");
        Limits.requireNonNegative(limit);
        var expired = seen.entrySet().stream()
                .filter(e -> e.getValue().isBefore(cutoff))
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .limit(limit)
                .toList();
        int purged = 0;
        for (var e : expired) {
            if (seen.remove(e.getKey(), e.getValue())) {
                purged++;
            }
        }
        return purged;
    }
}
