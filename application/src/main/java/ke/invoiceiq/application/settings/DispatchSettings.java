package ke.invoiceiq.application.settings;

import java.time.Duration;
import java.util.Objects;
import ke.invoiceiq.domain.messaging.Pacing;

/**
 * How the outbox dispatcher works: how many messages per run, how long a claim holds (renewed before each send),
 * how often a message is tried before it is given up, the exponential backoff between tries, and WhatsApp's limits
 * it keeps to (per recipient and per second, across every instance).
 */
public record DispatchSettings(int batchSize, Duration lease, int maxAttempts, Duration initialBackoff,
        Duration maxBackoff, Pacing pacing) {

    /** Meta's own numbers: one message per person every 6 s (131056), 80 a second for the number (130429). */
    public static final Pacing META_LIMITS = new Pacing(Duration.ofSeconds(6), 80);

    public static final DispatchSettings DEFAULT = new DispatchSettings(50, Duration.ofSeconds(60), 8,
            Duration.ofSeconds(5), Duration.ofMinutes(30), META_LIMITS);

    public DispatchSettings {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(pacing, "pacing");
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("batchSize and maxAttempts must be at least 1");
        }
    }

    /** Settings that keep to Meta's own limits. */
    public DispatchSettings(int batchSize, Duration lease, int maxAttempts, Duration initialBackoff,
            Duration maxBackoff) {
        this(batchSize, lease, maxAttempts, initialBackoff, maxBackoff, META_LIMITS);
    }

    /** Backoff before attempt {@code attempt + 1}: initial × 2^(attempt−1), capped. */
    public Duration backoffAfter(int attempt) {
        int exponent = Math.max(0, Math.min(attempt - 1, 20));
        Duration d = initialBackoff.multipliedBy(1L << exponent);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
