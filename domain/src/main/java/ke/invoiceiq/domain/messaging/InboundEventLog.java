package ke.invoiceiq.domain.messaging;

import java.time.Instant;

/** Driven port: providers deliver at least once; this remembers which events were seen, atomically. */
public interface InboundEventLog {

    /** True the first time {@code (provider, eventId)} is seen, false on every redelivery. */
    boolean firstSeen(String provider, String eventId, Instant at);
}
