package ke.invoiceiq.adapters.africastalking.outbound;

import java.time.Duration;
import java.util.Optional;
import ke.invoiceiq.domain.messaging.SendResult;

/**
 * A send AT answered with an HTTP error, already classified by {@link #of}. The two subclasses exist for SmallRye
 * Fault Tolerance: the circuit breaker counts {@link ServerError} (with time-outs and broken connections) and skips
 * {@link Refused}, which is an answer, not an outage.
 *
 * <p>The message carries the code only: never the recipient, the text, the api key or AT's wording.
 */
abstract sealed class AtFailure extends RuntimeException permits AtFailure.ServerError, AtFailure.Refused {

    private final SendResult result;

    AtFailure(SendResult result) {
        super("Africa's Talking: " + code(result), null, false, false);
        this.result = result;
    }

    /** What the messenger returns for it. */
    SendResult result() {
        return result;
    }

    /**
     * The HTTP status of an error answer to a {@link SendResult}:
     * <ul>
     * <li>401 ({@code The supplied authentication is invalid}): {@code Misconfigured("invalid-api-key")};</li>
     * <li>409 (DND window, docs/sms.md): {@code Undeliverable("do-not-disturb-rejection")}, as the recipient status;</li>
     * <li>408, 429: {@code RetryLater("http-<status>")}, with {@code Retry-After} when AT sent one;</li>
     * <li>any other 4xx: {@code Misconfigured("http-<status>")}: a malformed request, a wrong base URL or a refused
     * account is our fault, and sending the same request again cannot help until an operator acts;</li>
     * <li>5xx: {@code RetryLater("http-<status>")}, counted by the circuit breaker.</li>
     * </ul>
     */
    static AtFailure of(int status, Optional<Duration> retryAfter) {
        if (status >= 500) {
            return new ServerError(new SendResult.RetryLater("http-" + status, retryAfter));
        }
        return new Refused(switch (status) {
            case 401 -> new SendResult.Misconfigured("invalid-api-key");
            case 409 -> new SendResult.Undeliverable(RecipientStatus.DO_NOT_DISTURB_REJECTION.code());
            case 408, 429 -> new SendResult.RetryLater("http-" + status, retryAfter);
            default -> new SendResult.Misconfigured("http-" + status);
        });
    }

    private static String code(SendResult result) {
        return switch (result) {
            case SendResult.Accepted a -> "accepted";
            case SendResult.RetryLater r -> r.code();
            case SendResult.Deferred d -> d.reason();
            case SendResult.Undeliverable u -> u.code();
            case SendResult.Misconfigured m -> m.code();
        };
    }

    /** 5xx: AT broken for a moment. */
    static final class ServerError extends AtFailure {
        ServerError(SendResult result) {
            super(result);
        }
    }

    /** Any other error answer: AT refused this request. */
    static final class Refused extends AtFailure {
        Refused(SendResult result) {
            super(result);
        }
    }
}
