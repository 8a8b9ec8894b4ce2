package ke.invoiceiq.adapters.whatsapp.outbound;

import java.time.Duration;

/**
 * A send the Graph API refused, already classified by {@link GraphErrors}. The subclasses exist for SmallRye Fault
 * Tolerance: {@code @Retry} retries {@link Transient} only, and the circuit breaker counts {@link Transient} (and
 * time-outs, broken connections) but skips {@link Throttled} and {@link Rejected}.
 *
 * <p>The message carries the code only: never the recipient, the text or Meta's own wording.
 */
abstract sealed class GraphFailure extends RuntimeException
        permits GraphFailure.Transient, GraphFailure.Throttled, GraphFailure.Rejected {

    private final String code;

    GraphFailure(String code) {
        super("Graph API error " + code, null, false, false);
        this.code = code;
    }

    /** Graph's {@code error.code} as text, or {@code http-<status>} when the answer had no envelope. */
    String code() {
        return code;
    }

    /** Briefly down or an unknown server error (131000, 131016, 5xx): worth an immediate retry or two. */
    static final class Transient extends GraphFailure {
        Transient(String code) {
            super(code);
        }
    }

    /** Throttled (130429, 131056, …) or in maintenance: nothing was sent; come back after {@link #after()}. */
    static final class Throttled extends GraphFailure {
        private final Duration after;

        Throttled(String code, Duration after) {
            super(code);
            this.after = after;
        }

        Duration after() {
            return after;
        }
    }

    /** Refused for good: this recipient cannot get it, or our configuration is wrong. */
    static final class Rejected extends GraphFailure {
        private final boolean configuration;

        Rejected(String code, boolean configuration) {
            super(code);
            this.configuration = configuration;
        }

        /** True when an operator must act (token, permissions, template, account). */
        boolean configuration() {
            return configuration;
        }
    }
}
