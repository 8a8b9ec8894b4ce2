package ke.invoiceiq.domain.messaging;

import java.time.Duration;
import java.time.Instant;
import ke.invoiceiq.domain.customer.Msisdn;

/**
 * Driven port: automatic answers a number gets at most once per period on a channel (the help SMS), however many
 * messages it sends and however many instances handle them. Every SMS costs money, and two auto-responders can
 * answer each other forever.
 */
public interface ReplyCooldowns {

    /**
     * Atomically: true, with the cooldown restarted at {@code now}, when {@code recipient} got no automatic reply on
     * {@code channel} after {@code now - period}; false otherwise. A reply exactly one period ago allows another.
     */
    boolean tryStart(Msisdn recipient, Channel channel, Instant now, Duration period);

    /**
     * Retention: forgets up to {@code limit} cooldowns last started strictly before {@code cutoff} and returns how
     * many; a caller that gets {@code limit} back calls again for the rest.
     */
    int purgeBefore(Instant cutoff, int limit);
}
