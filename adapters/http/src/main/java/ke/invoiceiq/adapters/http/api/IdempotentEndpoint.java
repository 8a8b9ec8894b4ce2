package ke.invoiceiq.adapters.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import ke.invoiceiq.adapters.http.api.FieldViolation.Rule;
import ke.invoiceiq.application.idempotency.IdempotentRequestsUseCase;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.shared.IdempotentAnswers.Answer;
import ke.invoiceiq.domain.shared.IdempotentAnswers.Claim;
import ke.invoiceiq.domain.shared.Parsed;
import org.jboss.logging.Logger;

/**
 * The {@code Idempotency-Key} of the API's POSTs, in one place. A key is bound at its first use, whatever the
 * answer, in the key space of one endpoint ({@link Scope}):
 * <ul>
 * <li>the first request with a key runs the endpoint; its answer (status, body, content type and the
 * {@code Location} and {@code Retry-After} headers), 2xx or problem, is stored, and sent with
 * {@code Idempotent-Replayed: false};</li>
 * <li>the same key with the same request (the same {@link #fingerprint fingerprint}) gets the stored answer again,
 * with {@code Idempotent-Replayed: true}, and runs nothing;</li>
 * <li>the same key with another request is {@code 422 idempotency-key-reused};</li>
 * <li>the same key while its first request is still running is {@code 409 request-in-progress} with
 * {@code Retry-After: 1}.</li>
 * </ul>
 * If the endpoint throws (a failure, not an answer), nothing is stored: the claim goes stale and a repeat may run
 * the endpoint again. That is safe because the use cases behind every endpoint are themselves idempotent by the
 * key ({@code rest:<key>}), so a second run returns what the first one made. A problem the endpoint's own request
 * reading throws ({@link ApiProblemException}: a bad body, 400/413/415) is an answer and is stored like any other.
 *
 * <p>Without a key (where it is optional) the endpoint simply runs, as it always did. Keys and fingerprints are
 * never logged.
 */
@Singleton
public class IdempotentEndpoint {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    /** The prefix of the API's keys in the use cases' key space, apart from the chat's and the pay page's. */
    static final String KEY_PREFIX = "rest:";
    /** The longest key a client may send: the domain's maximum less {@link #KEY_PREFIX}. */
    static final int MAX_KEY = IdempotencyKey.MAX - KEY_PREFIX.length();
    /** How soon to ask again while the first request with the key is running: requests take well under that. */
    static final int IN_PROGRESS_RETRY_SECONDS = 1;

    private static final Logger LOG = Logger.getLogger(IdempotentEndpoint.class);

    /** The endpoints that take a key; each is its own key space. The values are stored: never change them. */
    public enum Scope {
        INVOICES("invoices"),
        STK_INITIATE("stk-initiate"),
        UNMATCHED_APPLY("unmatched-apply");

        private final String value;

        Scope(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /**
     * A key a client sent, checked with the domain's rule.
     *
     * @param value the client's key as sent (stripped): what the answers are stored under, within a scope
     */
    public record Key(String value) {
        public Key {
            Objects.requireNonNull(value, "value");
        }

        /** The key in the use cases' key space: {@code rest:<key>}. */
        public IdempotencyKey forUseCase() {
            return new IdempotencyKey(KEY_PREFIX + value);
        }
    }

    private final IdempotentRequestsUseCase requests;

    @Inject
    public IdempotentEndpoint(IdempotentRequestsUseCase requests) {
        this.requests = requests;
    }

    /**
     * The key of an endpoint that requires one.
     *
     * @param requiredMessage what to tell a client who sent none
     * @throws ApiProblemException a 400 naming the header, when it is missing, too long or not visible ASCII
     */
    static Key requiredKey(String raw, String requiredMessage) {
        if (raw == null || raw.isBlank()) {
            throw new ApiProblemException(Problems.validation(new FieldViolation(HEADER, Rule.REQUIRED,
                    requiredMessage)));
        }
        return checked(raw);
    }

    /**
     * The key of an endpoint where it is optional: empty when the header is absent.
     *
     * @throws ApiProblemException a 400 naming the header, when it is present but empty, too long or not visible
     *                             ASCII
     */
    static Optional<Key> optionalKey(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (raw.isBlank()) {
            throw new ApiProblemException(Problems.validation(new FieldViolation(HEADER, Rule.FORMAT,
                    "Idempotency-Key is empty: send 1–" + MAX_KEY + " visible ASCII characters (e.g. a UUID), or "
                            + "leave the header out.")));
        }
        return Optional.of(checked(raw));
    }

    private static Key checked(String raw) {
        if (raw.strip().length() > MAX_KEY) {
            throw new ApiProblemException(Problems.validation(new FieldViolation(HEADER, Rule.MAX_LENGTH,
                    "Idempotency-Key must be at most " + MAX_KEY + " characters.")));
        }
        return switch (IdempotencyKey.parse(raw)) {
            case Parsed.Ok<IdempotencyKey> ok -> new Key(ok.value().value());
            case Parsed.Rejected<IdempotencyKey> rejected -> throw new ApiProblemException(Problems.validation(
                    new FieldViolation(HEADER, Rule.FORMAT, rejected.error().message())));
        };
    }

    /** What identifies a request sent to a URL of its own: the SHA-256 of its raw body bytes, in hex. */
    static String fingerprint(byte[] body) {
        return sha256(body == null ? new byte[0] : body);
    }

    /**
     * What identifies a request to an endpoint whose URL names its subject ({@code /payments/unmatched/{id}/apply}):
     * the SHA-256, in hex, of the path id, a NUL byte and the raw body bytes. The same key and body for another
     * subject is another request.
     */
    static String fingerprint(String pathId, byte[] body) {
        byte[] id = pathId.getBytes(StandardCharsets.UTF_8);
        byte[] raw = body == null ? new byte[0] : body;
        byte[] all = new byte[id.length + 1 + raw.length];
        System.arraycopy(id, 0, all, 0, id.length);
        System.arraycopy(raw, 0, all, id.length + 1, raw.length);
        return sha256(all);
    }

    /**
     * Answers a request: by running {@code endpoint} once per key (and storing its answer), or by giving the stored
     * answer again. Without a key, it just runs {@code endpoint}.
     *
     * @param fingerprint {@link #fingerprint(byte[])} or {@link #fingerprint(String, byte[])} of the request
     */
    Response answer(Scope scope, Optional<Key> key, String fingerprint, Supplier<Response> endpoint) {
        if (key.isEmpty()) {
            return endpoint.get();
        }
        String k = key.get().value();
        return switch (requests.begin(scope.value(), k, fingerprint)) {
            case Claim.Claimed claimed -> first(scope, k, endpoint);
            case Claim.Replay replay -> replay(replay.answer());
            case Claim.Mismatch mismatch -> Problems.of(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request; use a new key.");
            case Claim.Busy busy -> Problems.build(ProblemType.REQUEST_IN_PROGRESS, new ProblemJson(
                            ProblemType.REQUEST_IN_PROGRESS.uri(), ProblemType.REQUEST_IN_PROGRESS.title(),
                            ProblemType.REQUEST_IN_PROGRESS.status(), "A request with this Idempotency-Key is still"
                            + " being handled; send it again in a moment to get its answer.", null, null))
                    .header(HttpHeaders.RETRY_AFTER, IN_PROGRESS_RETRY_SECONDS)
                    .build();
        };
    }

    private Response first(Scope scope, String key, Supplier<Response> endpoint) {
        Response response;
        try {
            response = endpoint.get();
        } catch (ApiProblemException e) {
            // the request could not be read: an answer like any other, bound to the key
            response = e.response();
        }
        // any other exception leaves the claim unfinished on purpose: it goes stale and a repeat runs again
        try {
            requests.finish(scope.value(), key, Stored.of(response).answer(response.getStatus()));
        } catch (RuntimeException e) {
            // the work is done and its answer is in hand: give it; a repeat runs the (idempotent) endpoint again
            LOG.warnf("could not store the answer of an idempotent %s request: %s", scope.value(),
                    e.getClass().getName());
        }
        if (response.getHeaderString(REPLAYED) != null) {
            return response;
        }
        return Response.fromResponse(response).header(REPLAYED, false).build();
    }

    private static Response replay(Answer answer) {
        Stored stored = ApiJson.readOwn(answer.body(), Stored.class)
                .filter(s -> s.body() != null)
                .orElseGet(() -> new Stored(null, null, null, answer.body()));
        var replay = Response.status(answer.status())
                .type(Optional.ofNullable(stored.contentType()).orElse(defaultType(answer.status())))
                .entity(stored.body())
                .header(REPLAYED, true);
        Optional.ofNullable(stored.location()).map(URI::create).ifPresent(replay::location);
        Optional.ofNullable(stored.retryAfter()).ifPresent(seconds -> replay.header(HttpHeaders.RETRY_AFTER, seconds));
        return replay.build();
    }

    private static String defaultType(int status) {
        return status >= 200 && status < 300 ? MediaType.APPLICATION_JSON : Problems.MEDIA_TYPE;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * An answer as it is stored (the body of {@link Answer}): the body as sent, with the content type and the two
     * headers a client acts on. {@code Idempotent-Replayed} is not stored: it says how the answer was given.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Stored(
            @JsonProperty("content_type") String contentType,
            @JsonProperty("location") String location,
            @JsonProperty("retry_after") String retryAfter,
            @JsonProperty("body") String body) {

        static Stored of(Response response) {
            Object entity = response.getEntity();
            String body = entity == null ? "" : entity instanceof String s ? s : ApiJson.write(entity);
            return new Stored(
                    Optional.ofNullable(response.getMediaType()).map(MediaType::toString).orElse(null),
                    Optional.ofNullable(response.getLocation()).map(URI::toString).orElse(null),
                    response.getHeaderString(HttpHeaders.RETRY_AFTER),
                    body);
        }

        Answer answer(int status) {
            return new Answer(status, ApiJson.write(this));
        }
    }
}
