package ke.invoiceiq.domain.messaging;

import java.time.Instant;

/** Driven port: providers deliver at least once; this remembers which events were seen, atomically. */
public interface InboundEventLog {

    /** True the first time {@code (provider, eventId)} is seen, false on every redelivery. */
    boolean firstSeen(String provider, String eventId, Instant at);

    /**
     * Retention: forgets up to {@code limit} events seen strictly before {@code cutoff} (one seen exactly at the
     * cutoff stays) and returns how many it forgot. An event forgotten is first-seen again if it is redelivered,
     * so the cutoff must lie beyond the providers' redelivery period. A caller that gets {@code limit} back
     * calls again for the rest.
     */
    int purgeBefore(Instant cutoff, int limit);
}
