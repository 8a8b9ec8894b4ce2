package ke.invoiceiq.adapters.whatsapp.outbound;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Graph API error codes (docs/whatsapp.md) to {@link GraphFailure}s. It branches on the envelope's
 * {@code error.code}, never on Meta's text; the HTTP status only decides when there is no code to go by (the
 * sources disagree on which status each code comes with).
 *
 * <table>
 * <caption>classification</caption>
 * <tr><th>code</th><th>failure</th><th>SendResult</th></tr>
 * <tr><td>131000, 131016, unknown code with a 5xx, 5xx/408 without an envelope</td><td>Transient (retried
 * inline)</td><td>RetryLater</td></tr>
 * <tr><td>130429 (throughput; after 1 s), 131056 (pair rate; after the pair interval), 4, 80007 (API / WABA rate
 * limits; after a minute), 131057 (maintenance; after a minute), 429 without an envelope (after 5 s)</td>
 * <td>Throttled</td><td>Deferred (nothing was sent: no try is counted)</td></tr>
 * <tr><td>131026, 131047, 131051, 131021, 131030, 131049, 131050, 130472, 130497, any other unknown code</td>
 * <td>Rejected</td><td>Undeliverable</td></tr>
 * <tr><td>0, 3, 10, 100, 190, 200–299, 368, 131005, 131008, 131009, 131031, 131042, 131048, 131064,
 * 132000–132999; 4xx without an envelope</td><td>Rejected (configuration)</td><td>Misconfigured</td></tr>
 * </table>
 */
final class GraphErrors {

    static final int THROUGHPUT = 130429;
    static final int PAIR_RATE = 131056;

    /** A 429 that says nothing more. */
    static final Duration UNSPECIFIED_THROTTLE = Duration.ofSeconds(5);
    /** The app's or the account's rate limit, or maintenance: Meta asks for minutes, not seconds. */
    static final Duration ACCOUNT_THROTTLE = Duration.ofMinutes(1);

    private static final Set<Integer> TRANSIENT = Set.of(131000, 131016);
    private static final Set<Integer> THROTTLED = Set.of(4, 80007, THROUGHPUT, PAIR_RATE, 131057);
    private static final Set<Integer> UNDELIVERABLE =
            Set.of(131026, 131047, 131051, 131021, 131030, 131049, 131050, 130472, 130497);
    private static final Set<Integer> CONFIGURATION =
            Set.of(0, 3, 10, 100, 190, 368, 131005, 131008, 131009, 131031, 131042, 131048, 131064);

    private GraphErrors() {
    }

    /**
     * @param status       the HTTP status of the answer (400 or more)
     * @param code         the envelope's {@code error.code}, if the body was an envelope
     * @param isTransient  the envelope's {@code is_transient}, if given
     * @param pairInterval what to suggest on 131056: the per-recipient interval
     */
    static GraphFailure classify(int status, Optional<Integer> code, Optional<Boolean> isTransient,
            Duration pairInterval) {
        if (code.isEmpty()) {
            String http = "http-" + status;
            if (status >= 500 || status == 408) {
                return new GraphFailure.Transient(http);
            }
            if (status == 429) {
                return new GraphFailure.Throttled(http, UNSPECIFIED_THROTTLE);
            }
            // Graph always answers with an envelope: a bare 4xx means a wrong base URL, version or proxy
            return new GraphFailure.Rejected(http, true);
        }
        int c = code.get();
        String text = Integer.toString(c);
        if (TRANSIENT.contains(c)) {
            return new GraphFailure.Transient(text);
        }
        if (THROTTLED.contains(c)) {
            Duration after = switch (c) {
                case PAIR_RATE -> pairInterval;
                case THROUGHPUT -> Duration.ofSeconds(1);
                default -> ACCOUNT_THROTTLE;
            };
            return new GraphFailure.Throttled(text, after);
        }
        if (UNDELIVERABLE.contains(c)) {
            return new GraphFailure.Rejected(text, false);
        }
        if (CONFIGURATION.contains(c) || (c >= 200 && c <= 299) || (c >= 132000 && c <= 132999)) {
            return new GraphFailure.Rejected(text, true);
        }
        // a code docs/whatsapp.md does not list
        if (status >= 500 || isTransient.orElse(false)) {
            return new GraphFailure.Transient(text);
        }
        return new GraphFailure.Rejected(text, false);
    }
}
