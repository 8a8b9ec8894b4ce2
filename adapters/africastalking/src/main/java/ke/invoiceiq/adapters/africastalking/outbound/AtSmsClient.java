package ke.invoiceiq.adapters.africastalking.outbound;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.SendResult;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The one place that calls Africa's Talking, guarded by SmallRye Fault Tolerance.
 *
 * <ul>
 * <li><b>No {@code @Retry}.</b> An SMS that timed out or got a 5xx may still have gone out; sending it again is a
 * duplicate the customer reads and we pay for. The outbox tries again later, with its own backoff.</li>
 * <li>{@code @CircuitBreaker}: opens when half of the last 10 calls failed (5xx, time-outs, broken connections);
 * refusals ({@link AtFailure.Refused}: a bad key, throttling, DND) are answers and do not count, nor does a 201
 * whose recipient was refused.</li>
 * <li>{@code @Timeout}: 10 s per call.</li>
 * </ul>
 *
 * <p>Configuration, all optional: {@code sms.username}, {@code sms.api-key}, {@code sms.sender-id} (sent as
 * {@code from} only when set; otherwise AT uses its shared sender) and {@code sms.base-url} (default: AT's sandbox
 * when the username is {@code sandbox}, its live API otherwise). The api key goes into the {@code apiKey} header
 * only and is never logged.
 */
@ApplicationScoped
class AtSmsClient {

    static final URI SANDBOX = URI.create("https://api.sandbox.africastalking.com");
    static final URI LIVE = URI.create("https://api.africastalking.com");

    private final Optional<String> username;
    private final Optional<String> apiKey;
    private final Optional<String> senderId;
    private final URI baseUrl;
    private AtSmsApi api;

    @Inject
    AtSmsClient(@ConfigProperty(name = "sms.username") Optional<String> username,
            @ConfigProperty(name = "sms.api-key") Optional<String> apiKey,
            @ConfigProperty(name = "sms.sender-id") Optional<String> senderId,
            @ConfigProperty(name = "sms.base-url") Optional<String> baseUrl) {
        this.username = present(username);
        this.apiKey = present(apiKey);
        this.senderId = present(senderId);
        this.baseUrl = present(baseUrl).map(URI::create)
                .orElse(this.username.filter("sandbox"::equalsIgnoreCase).isPresent() ? SANDBOX : LIVE);
    }

    private static Optional<String> present(Optional<String> value) {
        return value.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Built once the bean is live: the REST client needs the running application (plain unit tests never send). */
    @PostConstruct
    void buildClient() {
        api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUrl)
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(15, TimeUnit.SECONDS)
                .build(AtSmsApi.class);
    }

    /** Whether there is a username and an api key to send with. */
    boolean configured() {
        return username.isPresent() && apiKey.isPresent();
    }

    URI baseUrl() {
        return baseUrl;
    }

    /**
     * Sends {@code text} to {@code to} and returns what AT answered for that recipient; or throws an
     * {@link AtFailure}, the Fault Tolerance exceptions ({@code TimeoutException}, {@code CircuitBreakerOpenException})
     * or the REST client's {@code ProcessingException} (no answer at all).
     */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, skipOn = AtFailure.Refused.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    SendResult send(Msisdn to, String text) {
        if (!configured()) {
            throw new AtFailure.Refused(new SendResult.Misconfigured("not-configured"));
        }
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("username", username.get());
        form.add("to", to.e164());
        form.add("message", text);
        senderId.ifPresent(from -> form.add("from", from));
        RestResponse<String> answer;
        try {
            answer = api.send(apiKey.get(), form);
        } catch (AtSmsApi.AtHttpError e) {
            throw AtFailure.of(e.status, e.retryAfter);
        }
        if (answer.getStatus() / 100 != 2) {
            // a redirect (an http:// base URL, a moved host): the configured URL is wrong
            throw AtFailure.of(answer.getStatus(), Optional.empty());
        }
        return SendAnswers.read(answer.getEntity(), to.e164());
    }
}
