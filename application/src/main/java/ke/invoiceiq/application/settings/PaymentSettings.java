package ke.invoiceiq.application.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of STK attempts: the cooldown before a new attempt after a failed one, when an unanswered attempt
 * is first queried, the longest wait between two queries of it (the wait doubles from {@code queryAfter} after
 * each inconclusive query), and when one still unanswered is given up as EXPIRED.
 */
public record PaymentSettings(Duration cooldown, Duration queryAfter, Duration expireAfter, int reconcileBatch,
        Duration maxQueryBackoff) {

    /** The default cap on the wait between two queries of one attempt. */
    public static final Duration MAX_QUERY_BACKOFF = Duration.ofMinutes(2);

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
        Objects.requireNonNull(maxQueryBackoff, "maxQueryBackoff");
        if (maxQueryBackoff.isNegative() || maxQueryBackoff.isZero()) {
            throw new IllegalArgumentException("maxQueryBackoff must be positive");
        }
    }

    /** With the default {@link #MAX_QUERY_BACKOFF}. */
    public PaymentSettings(Duration cooldown, Duration queryAfter, Duration expireAfter, int reconcileBatch) {
        this(cooldown, queryAfter, expireAfter, reconcileBatch, MAX_QUERY_BACKOFF);
    }
}
