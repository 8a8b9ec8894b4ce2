package ke.invoiceiq.application.settings;

import java.time.Duration;
import java.util.Objects;
import ke.invoiceiq.domain.payment.PaymentAttemptPolicy;
import ke.invoiceiq.domain.payment.PaymentMatching;

/**
 * Timing of STK attempts: the cooldown before a new attempt after one that ended for a reason that asks for a
 * pause, when an unanswered attempt is first queried, the longest wait between two queries of it (the wait doubles
 * from {@code queryAfter} after each inconclusive query), when one still unanswered is given up (its outcome
 * unknown), how far back a payment M-PESA could not name is matched by payer and amount ({@code matchWindow}), and
 * how long the reconciler holds the attempts it claimed ({@code reconcileLease}).
 */
public record PaymentSettings(Duration cooldown, Duration queryAfter, Duration expireAfter, int reconcileBatch,
        Duration maxQueryBackoff, Duration matchWindow, Duration reconcileLease) {

    /** The default cap on the wait between two queries of one attempt. */
    public static final Duration MAX_QUERY_BACKOFF = Duration.ofMinutes(2);
    /** The default hold of a reconciler's claim: longer than one run takes to query its batch. */
    public static final Duration RECONCILE_LEASE = Duration.ofMinutes(5);

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
        Objects.requireNonNull(matchWindow, "matchWindow");
        if (matchWindow.compareTo(expireAfter) < 0) {
            throw new IllegalArgumentException("matchWindow must not be shorter than expireAfter: a payment for an"
                    + " attempt given up must still find it");
        }
        Objects.requireNonNull(reconcileLease, "reconcileLease");
        if (reconcileLease.isNegative() || reconcileLease.isZero()) {
            throw new IllegalArgumentException("reconcileLease must be positive");
        }
    }

    /** With the default {@link #MAX_QUERY_BACKOFF}, match window and lease. */
    public PaymentSettings(Duration cooldown, Duration queryAfter, Duration expireAfter, int reconcileBatch) {
        this(cooldown, queryAfter, expireAfter, reconcileBatch, MAX_QUERY_BACKOFF,
                max(PaymentMatching.DEFAULT_WINDOW, expireAfter), RECONCILE_LEASE);
    }

    public PaymentAttemptPolicy policy() {
        return new PaymentAttemptPolicy(cooldown);
    }

    public PaymentMatching matching() {
        return new PaymentMatching(matchWindow);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
