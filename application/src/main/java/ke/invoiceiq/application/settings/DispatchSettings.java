package ke.invoiceiq.application.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * How the outbox dispatcher works: how many messages per run, how long a claim holds, how often a message
 * is tried before it is given up, and the exponential backoff between tries.
 */
public record DispatchSettings(int batchSize, Duration lease, int maxAttempts, Duration initialBackoff,
        Duration maxBackoff) {

    public static final DispatchSettings DEFAULT =
            new DispatchSettings(50, Duration.ofSeconds(60), 8, Duration.ofSeconds(5), Duration.ofMinutes(30));

    public DispatchSettings {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("batchSize and maxAttempts must be at least 1");
        }
    }

    /** Backoff before attempt {@code attempt + 1}: initial × 2^(attempt−1), capped. */
    public Duration backoffAfter(int attempt) {
        int exponent = Math.max(0, Math.min(attempt - 1, 20));
        Duration d = initialBackoff.multipliedBy(1L << exponent);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
