package ke.invoiceiq.adapters.daraja.outbound;

/**
 * A Daraja call that did not succeed, already classified by {@link DarajaErrors}. The subclasses exist for SmallRye
 * Fault Tolerance: {@code @Retry} (query and OAuth only) retries {@link ServerError}; the circuit breaker counts
 * {@link ServerError} (and time-outs, broken connections) and skips the others, which are answers, not outages.
 *
 * <p>The message carries a short kind only: never a phone number, a secret or Daraja's full wording.
 */
abstract sealed class DarajaFailure extends RuntimeException {

    private final String kind;

    DarajaFailure(String kind) {
        super("Daraja: " + kind, null, false, false);
        this.kind = kind;
    }

    /** A short, code-free key such as {@code spike-arrest} or {@code invalid-field:PhoneNumber}. */
    String kind() {
        return kind;
    }

    /** 5xx / {@code 500.003.1001}: Daraja broken for a moment. */
    static final class ServerError extends DarajaFailure {
        ServerError(String kind) {
            super(kind);
        }
    }

    /** {@code 500.003.02} spike arrest, {@code 500.003.03} quota: come back later, not now. */
    static final class Throttled extends DarajaFailure {
        Throttled(String kind) {
            super(kind);
        }
    }

    /** HTTP 401 or {@code 404.001.03 Invalid Access Token}: drop the token and try once more. */
    static final class InvalidToken extends DarajaFailure {
        InvalidToken() {
            super("invalid-token");
        }
    }

    /**
     * {@code 500.001.1001} other than wrong credentials: on a push "unable to lock subscriber" (a prompt is already
     * open); on a query "the transaction is being processed".
     */
    static final class SubscriberLocked extends DarajaFailure {
        SubscriberLocked() {
            super("subscriber-locked");
        }
    }

    /** Refused for good (bad field, wrong credentials, wrong endpoint): an operator must look. */
    static final class Rejected extends DarajaFailure {
        Rejected(String kind) {
            super(kind);
        }
    }
}
