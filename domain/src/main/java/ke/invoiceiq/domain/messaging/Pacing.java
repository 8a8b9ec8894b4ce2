package ke.invoiceiq.domain.messaging;

import java.time.Duration;
import java.util.Objects;

/**
 * WhatsApp's limits on one business number: at most one message per {@code pairInterval} to the same person (Meta's
 * pair rate limit, error 131056; about 6 s) and at most {@code perSecond} messages a second in all (the number's
 * throughput, error 130429; 80 by default). Both are facts of the provider, never switched off.
 *
 * <p>The number's sends are spread evenly, one every {@link #numberSpacing()}, rather than let through in bursts at
 * the start of each second: a burst at the end of one second and another at the start of the next would be twice the
 * throughput within one second as the provider counts it.
 */
public record Pacing(Duration pairInterval, int perSecond) {

    /**
     * The number's turns are spaced 4 % wider than {@code 1 s / perSecond}: a turn is taken a moment before its
     * request reaches the provider, and that moment varies (a busy CPU, a slow connection); the margin keeps any
     * second as the provider sees it within the throughput for variations up to 40 ms.
     */
    static final long SPACING_PER_MILLE = 1_040;

    public Pacing {
        Objects.requireNonNull(pairInterval, "pairInterval");
        if (pairInterval.isNegative() || pairInterval.isZero()) {
            throw new IllegalArgumentException("the pair interval must be positive: " + pairInterval);
        }
        if (perSecond < 1) {
            throw new IllegalArgumentException("the throughput must be at least 1 message a second: " + perSecond);
        }
    }

    /**
     * The gap between two of the number's turns: 1.04 s divided by the throughput, rounded up to the microsecond
     * (the store's precision), so at most {@code perSecond} turns fall in any second.
     */
    public Duration numberSpacing() {
        long micros = Math.ceilDiv(SPACING_PER_MILLE * 1_000L, perSecond);
        return Duration.ofNanos(micros * 1_000L);
    }
}
