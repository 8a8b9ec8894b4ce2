package ke.invoiceiq.adapters.http.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import ke.invoiceiq.application.idempotency.IdempotentRequestsUseCase;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.shared.IdempotentAnswers.Answer;
import ke.invoiceiq.domain.shared.IdempotentAnswers.Claim;
import org.junit.jupiter.api.Test;

/**
 * The shared Idempotency-Key piece on its own, against a scripted use case: what it stores, what it gives again,
 * and that a failing endpoint leaves its claim unfinished. The HTTP tests ({@code IdempotencyTest}) drive the same
 * piece through the endpoints.
 */
class IdempotentEndpointTest {

    /** Answers {@link #begin} with the next scripted claim and records every call. */
    private static final class ScriptedRequests implements IdempotentRequestsUseCase {
        Claim next = new Claim.Claimed();
        final List<String> begun = new ArrayList<>();
        final List<Answer> finished = new ArrayList<>();

        @Override
        public Claim begin(String scope, String key, String fingerprint) {
            begun.add(scope + "|" + key + "|" + fingerprint);
            return next;
        }

        @Override
        public void finish(String scope, String key, Answer answer) {
            finished.add(answer);
        }
    }

    private final ScriptedRequests requests = new ScriptedRequests();
    private final IdempotentEndpoint endpoint = new IdempotentEndpoint(requests);
    private final Optional<IdempotentEndpoint.Key> key = Optional.of(new IdempotentEndpoint.Key("k-1"));

    @Test
    void givenNoKey_whenAnswered_thenTheEndpointRunsAndNothingIsClaimedOrStored() {
        AtomicInteger runs = new AtomicInteger();

        Response response = endpoint.answer(IdempotentEndpoint.Scope.INVOICES, Optional.empty(), "f",
                () -> {
                    runs.incrementAndGet();
                    return Response.ok("{}", "application/json").build();
                });

        assertThat(runs).hasValue(1);
        assertThat(requests.begun).isEmpty();
        assertThat(requests.finished).isEmpty();
        // without a key the answer is exactly today's: no replay header at all
        assertThat(response.getHeaderString(IdempotentEndpoint.REPLAYED)).isNull();
    }

    @Test
    void givenANewKey_whenTheEndpointAnswers_thenItsAnswerIsStoredAndMarkedFirst() {
        Response response = endpoint.answer(IdempotentEndpoint.Scope.STK_INITIATE, key, "fp",
                () -> Response.accepted("{\"id\":\"pay_1\"}").type("application/json").build());

        assertThat(requests.begun).containsExactly("stk-initiate|k-1|fp");
        assertThat(requests.finished).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(202);
            assertThat(a.body()).contains("pay_1");
        });
        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.getHeaderString(IdempotentEndpoint.REPLAYED)).isEqualTo("false");
    }

    @Test
    void givenTheEndpointThrows_whenAnswered_thenNothingIsStoredSoTheStaleClaimLetsARetryRunAgain() {
        assertThatThrownBy(() -> endpoint.answer(IdempotentEndpoint.Scope.INVOICES, key, "fp", () -> {
            throw new IllegalStateException("database down");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(requests.finished).isEmpty();
    }

    @Test
    void givenTheRequestCannotBeRead_whenAnswered_thenThatProblemIsTheStoredAnswer() {
        Response response = endpoint.answer(IdempotentEndpoint.Scope.INVOICES, key, "fp", () -> {
            throw new ApiProblemException(Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send JSON"));
        });

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(requests.finished).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(415));
    }

    @Test
    void givenAStored201_whenReplayed_thenTheSameStatusBodyTypeAndLocationMarkedReplayed() {
        endpoint.answer(IdempotentEndpoint.Scope.INVOICES, key, "fp",
                () -> Response.created(URI.create("http://localhost/invoices/INV-7K3Q9X"))
                        .type("application/json").entity("{\"id\":\"INV-7K3Q9X\"}").build());
        requests.next = new Claim.Replay(requests.finished.getFirst());

        Response replay = endpoint.answer(IdempotentEndpoint.Scope.INVOICES, key, "fp", () -> {
            throw new AssertionError("a replay runs nothing");
        });

        assertThat(replay.getStatus()).isEqualTo(201);
        assertThat(replay.getEntity()).isEqualTo("{\"id\":\"INV-7K3Q9X\"}");
        assertThat(replay.getMediaType().toString()).startsWith("application/json");
        assertThat(replay.getLocation()).hasToString("http://localhost/invoices/INV-7K3Q9X");
        assertThat(replay.getHeaderString(IdempotentEndpoint.REPLAYED)).isEqualTo("true");
    }

    @Test
    void givenAStored429_whenReplayed_thenTheProblemAgainWithItsRetryAfter() {
        endpoint.answer(IdempotentEndpoint.Scope.STK_INITIATE, key, "fp",
                () -> Problems.retryLater(ProblemType.PAYMENT_COOLING_DOWN, "wait",
                        java.time.Instant.parse("2026-03-02T06:00:00Z"),
                        java.time.Instant.parse("2026-03-02T06:02:00Z")));
        requests.next = new Claim.Replay(requests.finished.getFirst());

        Response replay = endpoint.answer(IdempotentEndpoint.Scope.STK_INITIATE, key, "fp", () -> null);

        assertThat(replay.getStatus()).isEqualTo(429);
        assertThat(replay.getMediaType().toString()).startsWith(Problems.MEDIA_TYPE);
        assertThat(replay.getHeaderString("Retry-After")).isEqualTo("120");
        assertThat((String) replay.getEntity()).contains("payment-cooling-down");
    }

    @Test
    void givenAnAnswerStoredWithoutTheEnvelope_whenReplayed_thenTheBodyAsItIsTypedByItsStatus() {
        // an answer another writer stored as a bare body: still given back, typed by its status
        requests.next = new Claim.Replay(new Answer(409, "{\"type\":\"x\"}"));

        Response replay = endpoint.answer(IdempotentEndpoint.Scope.INVOICES, key, "fp", () -> null);

        assertThat(replay.getEntity()).isEqualTo("{\"type\":\"x\"}");
        assertThat(replay.getMediaType().toString()).startsWith(Problems.MEDIA_TYPE);
    }

    @Test
    void givenAMismatchOrABusyKey_whenAnswered_thenTheirProblemsAndNothingRuns() {
        requests.next = new Claim.Mismatch();
        Response mismatch = endpoint.answer(IdempotentEndpoint.Scope.INVOICES, key, "fp", () -> {
            throw new AssertionError("never runs");
        });
        requests.next = new Claim.Busy();
        Response busy = endpoint.answer(IdempotentEndpoint.Scope.INVOICES, key, "fp", () -> {
            throw new AssertionError("never runs");
        });

        assertThat(mismatch.getStatus()).isEqualTo(422);
        assertThat((String) mismatch.getEntity()).contains("idempotency-key-reused");
        assertThat(busy.getStatus()).isEqualTo(409);
        assertThat((String) busy.getEntity()).contains("request-in-progress");
        assertThat(busy.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(requests.finished).isEmpty();
    }

    @Test
    void anOptionalKeyIsAbsentOnlyWithoutTheHeader_anEmptyOneIsRefused() {
        assertThat(IdempotentEndpoint.optionalKey(null)).isEmpty();
        assertThat(IdempotentEndpoint.optionalKey(" k-1 ")).contains(new IdempotentEndpoint.Key("k-1"));
        // a client that meant to send a key but sent none would otherwise lose its idempotency silently
        assertThatThrownBy(() -> IdempotentEndpoint.optionalKey("  "))
                .isInstanceOfSatisfying(ApiProblemException.class,
                        e -> assertThat(e.response().getStatus()).isEqualTo(400));
        assertThatThrownBy(() -> IdempotentEndpoint.requiredKey(null, "required"))
                .isInstanceOfSatisfying(ApiProblemException.class,
                        e -> assertThat((String) e.response().getEntity()).contains("\"rule\":\"required\""));
        assertThat(IdempotentEndpoint.requiredKey("k".repeat(IdempotentEndpoint.MAX_KEY), "required")
                .forUseCase().value()).startsWith("rest:").hasSize(IdempotencyKey.MAX);
    }

    @Test
    void theFingerprintIsTheSha256OfTheBodyAndOfThePathIdWithTheBody() {
        // the published SHA-256 test vectors: a client can compute the same value
        assertThat(IdempotentEndpoint.fingerprint(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(IdempotentEndpoint.fingerprint("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        byte[] body = "{\"invoice_id\":\"INV-7K3Q9X\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(IdempotentEndpoint.fingerprint("id-1", body)).isNotEqualTo(IdempotentEndpoint.fingerprint("id-2", body))
                .isNotEqualTo(IdempotentEndpoint.fingerprint(body)).hasSize(64);
    }
}
