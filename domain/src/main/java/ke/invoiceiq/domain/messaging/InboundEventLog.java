package ke.invoiceiq.domain.messaging;

import java.time.Instant;

/**
 * Driven port: providers deliver at least once; this remembers which events were handled, atomically. Call
 * {@link #firstSeen} in the unit of work that handles the event: when that work fails and rolls back, the event is
 * not marked, and its redelivery is handled.
 */
public interface InboundEventLog {

    /** True the first time {@code (provider, eventId)} is seen, false on every redelivery. */
    boolean firstSeen(String provider, String eventId, Instant at);

    /** Whether {@code (provider, eventId)} was marked already (by a committed {@link #firstSeen}); marks nothing. */
    boolean seen(String provider, String eventId);

    /**
     * Retention: forgets up to {@code limit} events seen strictly before {@code cutoff} (one seen exactly at the
     * cutoff stays) and returns how many it forgot. An event forgotten is first-seen again if it is redelivered,
     * so the cutoff must lie beyond the providers' redelivery period. A caller that gets {@code limit} back
     * calls again for the rest.
     */
    int purgeBefore(Instant cutoff, int limit);
}
