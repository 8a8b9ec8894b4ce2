package ke.invoiceiq.adapters.whatsapp.outbound;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.RateLimit;
import io.smallrye.faulttolerance.api.RateLimitException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

/**
 * The one place that calls the Graph API, guarded by SmallRye Fault Tolerance. Strategies nest as Retry → Circuit
 * breaker → Rate limit → Timeout, so each attempt has its own 10 s and its own turn in the rate limit.
 *
 * <ul>
 * <li>{@code @Retry}: only {@link GraphFailure.Transient} (131000, 131016, 5xx), twice, quickly. Throttling,
 * refusals, time-outs (the message may have gone through), an open breaker and the rate limit are not retried here:
 * the outbox retries later, with its own backoff.</li>
 * <li>{@code @CircuitBreaker}: opens when half of the last 10 calls failed (server errors, time-outs, broken
 * connections); refusals and throttling are answers, not failures, and do not count.</li>
 * <li>{@code @RateLimit}: the number's throughput, 80 messages a second by default, as a guard of this instance
 * only: the dispatcher already keeps the whole service to it through the shared send slots, so this rarely bites.
 * The value is configurable: {@code META-INF/microprofile-config.properties} maps {@code waba.throughput} onto this
 * method's {@code quarkus.fault-tolerance."…GraphSender/send".rate-limit.value}.</li>
 * </ul>
 *
 * <p>The token goes into the {@code Authorization} header only and is never logged.
 */
@ApplicationScoped
class GraphSender {

    private final URI baseUrl;
    private final String apiVersion;
    private final Optional<String> phoneId;
    private final Optional<String> token;
    private final Duration pairInterval;
    /** Beyond one per send in flight: a send that waited for a connection would reach Meta late in its turn. */
    private static final int SPARE_CONNECTIONS = 8;

    private final int connections;
    private GraphApi api;

    @Inject
    GraphSender(@ConfigProperty(name = "waba.base-url", defaultValue = "https://graph.facebook.com") URI baseUrl,
            @ConfigProperty(name = "waba.api-version", defaultValue = "v25.0") String apiVersion,
            @ConfigProperty(name = "waba.phone-id") Optional<String> phoneId,
            @ConfigProperty(name = "waba.token") Optional<String> token,
            @ConfigProperty(name = "waba.pair-interval", defaultValue = "6s") Duration pairInterval,
            @ConfigProperty(name = "invoiceiq.dispatch.concurrency", defaultValue = "32") int sendsInFlight) {
        this.baseUrl = baseUrl;
        this.apiVersion = apiVersion;
        this.phoneId = phoneId.map(String::strip).filter(s -> !s.isEmpty());
        this.token = token.map(String::strip).filter(s -> !s.isEmpty());
        this.pairInterval = pairInterval;
        this.connections = sendsInFlight + SPARE_CONNECTIONS;
    }

    /** Built once the bean is live: the REST client needs the running application (plain unit tests never send). */
    @PostConstruct
    void buildClient() {
        api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUrl)
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(15, TimeUnit.SECONDS)
                // the client's own pool is 50 connections: more sends in flight would queue for one and then reach
                // Meta in a burst, over the number's throughput in that second
                .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, connections)
                .build(GraphApi.class);
    }

    /** Whether there is a phone number id and a token to send with. */
    boolean configured() {
        return phoneId.isPresent() && token.isPresent();
    }

    /**
     * Sends one message and returns Graph's answer, or throws a {@link GraphFailure}, the Fault Tolerance
     * exceptions ({@code TimeoutException}, {@code CircuitBreakerOpenException}, {@code RateLimitException}) or
     * the REST client's {@code ProcessingException} (no answer at all).
     */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, maxDuration = 25, durationUnit = ChronoUnit.SECONDS,
            retryOn = GraphFailure.Transient.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, skipOn = {GraphFailure.Throttled.class, GraphFailure.Rejected.class,
                    RateLimitException.class})
    @RateLimit(value = 80, window = 1, windowUnit = ChronoUnit.SECONDS)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    GraphReplies.Sent send(GraphMessage message) {
        if (!configured()) {
            throw new GraphFailure.Rejected("not-configured", true);
        }
        try {
            return api.send(apiVersion, phoneId.get(), "Bearer " + token.get(), message);
        } catch (GraphApi.GraphHttpError e) {
            throw GraphErrors.classify(e.status, e.code, e.isTransient, pairInterval);
        }
    }
}
