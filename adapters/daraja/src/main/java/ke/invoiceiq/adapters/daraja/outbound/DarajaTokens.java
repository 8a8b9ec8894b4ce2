package ke.invoiceiq.adapters.daraja.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OAuth access token (docs/daraja.md), cached and refreshed {@link #MARGIN} before it expires, by the
 * injected clock. {@code expires_in} is read leniently (number or string). A token Daraja calls invalid is dropped
 * with {@link #invalidate(String)}. The consumer secret and the token are never logged.
 */
@ApplicationScoped
class DarajaTokens {

    static final Duration MARGIN = Duration.ofMinutes(5);
    private static final long DEFAULT_LIFETIME_SECONDS = 3599;

    private record Cached(String token, Instant refreshAt) {
    }

    private final DarajaClient client;
    private final Clock clock;
    private final Optional<String> basic;
    private Cached cached;

    @Inject
    DarajaTokens(DarajaClient client, Clock clock,
            @ConfigProperty(name = "mpesa.consumer-key") Optional<String> consumerKey,
            @ConfigProperty(name = "mpesa.consumer-secret") Optional<String> consumerSecret) {
        this.client = client;
        this.clock = clock;
        Optional<String> key = consumerKey.map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> secret = consumerSecret.map(String::strip).filter(s -> !s.isEmpty());
        this.basic = key.isPresent() && secret.isPresent()
                ? Optional.of("Basic " + Base64.getEncoder()
                        .encodeToString((key.get() + ":" + secret.get()).getBytes(StandardCharsets.UTF_8)))
                : Optional.empty();
    }

    boolean configured() {
        return basic.isPresent();
    }

    /** A valid token, fetched when none is cached or the cached one is within {@link #MARGIN} of expiring. */
    synchronized String token() {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.refreshAt())) {
            return cached.token();
        }
        if (basic.isEmpty()) {
            throw new DarajaFailure.Rejected("not-configured");
        }
        JsonNode answer = client.token(basic.get());
        JsonNode token = answer == null ? null : answer.get("access_token");
        if (token == null || token.asText().isBlank()) {
            throw new DarajaFailure.ServerError("no-access-token");
        }
        long lifetime = expiresIn(answer.get("expires_in"));
        // refresh MARGIN early; a lifetime shorter than twice the margin is used for half its length
        long early = Math.min(MARGIN.toSeconds(), lifetime / 2);
        cached = new Cached(token.asText(), now.plusSeconds(lifetime - early));
        return cached.token();
    }

    /** Drops {@code token} if it is still the cached one (another thread may have replaced it already). */
    synchronized void invalidate(String token) {
        if (cached != null && cached.token().equals(token)) {
            cached = null;
        }
    }

    /** Forgets the cached token (tests). */
    synchronized void clear() {
        cached = null;
    }

    static long expiresIn(JsonNode value) {
        if (value == null || value.isNull()) {
            return DEFAULT_LIFETIME_SECONDS;
        }
        try {
            long seconds = value.isNumber() ? value.asLong() : Long.parseLong(value.asText().strip());
            return seconds > 0 ? seconds : DEFAULT_LIFETIME_SECONDS;
        } catch (NumberFormatException e) {
            return DEFAULT_LIFETIME_SECONDS;
        }
    }
}
