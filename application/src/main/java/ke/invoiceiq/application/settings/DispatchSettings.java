package ke.invoiceiq.application.settings;

import java.time.Duration;
import java.util.Objects;
import ke.invoiceiq.domain.messaging.Pacing;

/**
 * How the outbox dispatcher works: how many messages one claim takes, how long a claim holds (renewed before each
 * send), how often a message is tried before it is given up, the exponential backoff between tries, WhatsApp's
 * limits it keeps to (per recipient and per second, across every instance), and how many sends one instance has in
 * flight at once ({@code concurrency}: a provider answering in 300 ms allows about three sends a second each, so the
 * number's throughput of 80 a second needs at least 24 of them).
 */
public record DispatchSettings(int batchSize, Duration lease, int maxAttempts, Duration initialBackoff,
        Duration maxBackoff, Pacing pacing, int concurrency) {

    /**
     * Sends in flight at once on one instance. A send holds its thread for the provider's answer and the waits for
     * its turn and the database around it (about 0.4 s in all with Graph answering in 300 ms), so 80 a second need
     * some 32 of them. More would not send faster (the number's turns set the pace) but would reach the provider more
     * unevenly: in the dispatch benchmark 64 let up to 97 requests a second reach Graph against 80, 32 up to 82.
     */
    public static final int DEFAULT_CONCURRENCY = 32;

    /** Meta's own numbers: one message per person every 6 s (131056), 80 a second for the number (130429). */
    public static final Pacing META_LIMITS = new Pacing(Duration.ofSeconds(6), 80);

    public static final DispatchSettings DEFAULT = new DispatchSettings(50, Duration.ofSeconds(60), 8,
            Duration.ofSeconds(5), Duration.ofMinutes(30), META_LIMITS, DEFAULT_CONCURRENCY);

    public DispatchSettings {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(pacing, "pacing");
        if (batchSize < 1 || maxAttempts < 1 || concurrency < 1) {
            throw new IllegalArgumentException("batchSize, maxAttempts and concurrency must be at least 1");
        }
    }

    /** Settings with the default concurrency. */
    public DispatchSettings(int batchSize, Duration lease, int maxAttempts, Duration initialBackoff,
            Duration maxBackoff, Pacing pacing) {
        this(batchSize, lease, maxAttempts, initialBackoff, maxBackoff, pacing, DEFAULT_CONCURRENCY);
    }

    /** Settings that keep to Meta's own limits, with the default concurrency. */
    public DispatchSettings(int batchSize, Duration lease, int maxAttempts, Duration initialBackoff,
            Duration maxBackoff) {
        this(batchSize, lease, maxAttempts, initialBackoff, maxBackoff, META_LIMITS, DEFAULT_CONCURRENCY);
    }

    /** Backoff before attempt {@code attempt + 1}: initial × 2^(attempt−1), capped. */
    public Duration backoffAfter(int attempt) {
        int exponent = Math.max(0, Math.min(attempt - 1, 20));
        Duration d = initialBackoff.multipliedBy(1L << exponent);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
