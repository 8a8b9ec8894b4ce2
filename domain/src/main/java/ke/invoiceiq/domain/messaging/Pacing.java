package ke.invoiceiq.domain.messaging;

import java.time.Duration;
import java.util.Objects;

/**
 * WhatsApp's limits on one business number: at most one message per {@code pairInterval} to the same person (Meta's
 * pair rate limit, error 131056; about 6 s) and at most {@code perSecond} messages a second in all (the number's
 * throughput, error 130429; 80 by default). Both are facts of the provider, never switched off.
 */
public record Pacing(Duration pairInterval, int perSecond) {

    public Pacing {
        Objects.requireNonNull(pairInterval, "pairInterval");
        if (pairInterval.isNegative() || pairInterval.isZero()) {
            throw new IllegalArgumentException("the pair interval must be positive: " + pairInterval);
        }
        if (perSecond < 1) {
            throw new IllegalArgumentException("the throughput must be at least 1 message a second: " + perSecond);
        }
    }
}
