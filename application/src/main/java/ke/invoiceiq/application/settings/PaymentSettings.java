package ke.invoiceiq.application.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of STK attempts: the cooldown before a new attempt after a failed one, when an unanswered attempt
 * is first queried, and when one still unanswered is given up as EXPIRED.
 */
public record PaymentSettings(Duration cooldown, Duration queryAfter, Duration expireAfter, int reconcileBatch) {

    public static final PaymentSettings DEFAULT =
            new PaymentSettings(Duration.ofMinutes(2), Duration.ofSeconds(60), Duration.ofMinutes(5), 50);

    public PaymentSettings {
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(queryAfter, "queryAfter");
        Objects.requireNonNull(expireAfter, "expireAfter");
        if (expireAfter.compareTo(queryAfter) < 0) {
            throw new IllegalArgumentException("expireAfter must not be shorter than queryAfter");
        }
        if (reconcileBatch < 1) {
            throw new IllegalArgumentException("reconcileBatch < 1");
        }
    }
}
