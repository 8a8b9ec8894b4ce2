package ke.invoiceiq.adapters.daraja.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The one place that calls Daraja, guarded by SmallRye Fault Tolerance. Each method throws a classified
 * {@link DarajaFailure}, the Fault Tolerance exceptions ({@code TimeoutException}, {@code CircuitBreakerOpenException})
 * or the REST client's {@code ProcessingException} (no answer at all).
 *
 * <ul>
 * <li>{@code @Retry} on {@link #token} and {@link #stkQuery} only, and only for {@link DarajaFailure.ServerError}:
 * both are reads, so asking again is harmless. Throttling is not retried inline (that would feed the spike
 * arrest).</li>
 * <li><b>{@link #stkPush} is never retried automatically.</b> A push that timed out or failed with a 5xx may still
 * have reached the payer's phone; sending it again can raise a second prompt and charge the customer twice. The
 * only repeat of a push is the single one after an invalid token (401 / {@code 404.001.03}), which Daraja answers
 * before it processes anything.</li>
 * <li>{@code @CircuitBreaker} per call: opens when half of the last 10 calls failed (5xx, time-outs, broken
 * connections); refusals, throttling, a locked subscriber and a stale token are answers and do not count.</li>
 * <li>{@code @Timeout} per attempt.</li>
 * </ul>
 *
 * <p>Credentials travel in the {@code Authorization} header only and are never logged.
 */
@ApplicationScoped
class DarajaClient {

    static final String SANDBOX = "https://sandbox.safaricom.co.ke";
    static final String PRODUCTION = "https://api.safaricom.co.ke";

    private final URI baseUrl;
    private DarajaApi api;

    @Inject
    DarajaClient(@ConfigProperty(name = "mpesa.env", defaultValue = "sandbox") String env,
            @ConfigProperty(name = "mpesa.base-url") Optional<String> baseUrl) {
        this.baseUrl = URI.create(baseUrl.map(String::strip).filter(s -> !s.isEmpty())
                .orElse("production".equalsIgnoreCase(env.strip()) ? PRODUCTION : SANDBOX));
    }

    /** Built once the bean is live: the REST client needs the running application (plain unit tests never send). */
    @PostConstruct
    void buildClient() {
        api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUrl)
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .build(DarajaApi.class);
    }

    URI baseUrl() {
        return baseUrl;
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, maxDuration = 20, durationUnit = ChronoUnit.SECONDS,
            retryOn = DarajaFailure.ServerError.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            skipOn = {DarajaFailure.Throttled.class, DarajaFailure.Rejected.class, DarajaFailure.InvalidToken.class,
                    DarajaFailure.SubscriberLocked.class})
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    JsonNode token(String basicAuthorization) {
        try {
            return api.token("client_credentials", basicAuthorization);
        } catch (DarajaApi.DarajaHttpError e) {
            throw DarajaErrors.classify(e.status, e.code, e.message);
        }
    }

    /** Never retried here: see the class comment. */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            skipOn = {DarajaFailure.Throttled.class, DarajaFailure.Rejected.class, DarajaFailure.InvalidToken.class,
                    DarajaFailure.SubscriberLocked.class})
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    JsonNode stkPush(String bearer, Map<String, Object> body) {
        try {
            return api.stkPush(bearer, body);
        } catch (DarajaApi.DarajaHttpError e) {
            throw DarajaErrors.classify(e.status, e.code, e.message);
        }
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, maxDuration = 20, durationUnit = ChronoUnit.SECONDS,
            retryOn = DarajaFailure.ServerError.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            skipOn = {DarajaFailure.Throttled.class, DarajaFailure.Rejected.class, DarajaFailure.InvalidToken.class,
                    DarajaFailure.SubscriberLocked.class})
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    JsonNode stkQuery(String bearer, Map<String, Object> body) {
        try {
            return api.stkQuery(bearer, body);
        } catch (DarajaApi.DarajaHttpError e) {
            throw DarajaErrors.classify(e.status, e.code, e.message);
        }
    }

    /**
     * An operator's request, so never retried here: they see the answer and ask again. Registering the same URLs
     * twice is refused by Daraja with an error, not done twice.
     */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            skipOn = {DarajaFailure.Throttled.class, DarajaFailure.Rejected.class, DarajaFailure.InvalidToken.class,
                    DarajaFailure.SubscriberLocked.class})
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    JsonNode c2bRegisterUrl(String bearer, Map<String, Object> body) {
        try {
            return api.c2bRegisterUrl(bearer, body);
        } catch (DarajaApi.DarajaHttpError e) {
            throw DarajaErrors.classify(e.status, e.code, e.message);
        }
    }
}
