package ke.invoiceiq.adapters.memory;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import ke.invoiceiq.domain.messaging.InboundEventLog;

/** The inbound events seen so far. */
public final class InMemoryInboundEventLog implements InboundEventLog {

    private record Key(String provider, String eventId) {
        Key {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(eventId, "eventId");
        }
    }

    private final Set<Key> seen = ConcurrentHashMap.newKeySet();

    @Override
    public boolean firstSeen(String provider, String eventId, Instant at) {
        return seen.add(new Key(provider, eventId));
    }
}
