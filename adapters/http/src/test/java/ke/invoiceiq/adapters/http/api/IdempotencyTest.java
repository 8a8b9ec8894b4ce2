package ke.invoiceiq.adapters.http.api;

import static ke.invoiceiq.adapters.http.api.Api.fieldError;
import static ke.invoiceiq.adapters.http.api.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.application.idempotency.IdempotentRequestsService;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.shared.IdempotentAnswers.Claim;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key} on {@code POST /invoices} (optional) and the rules all keyed endpoints share: the first
 * answer, whatever it was, comes back for the same request; another request under the key is a 422; a request
 * still running is a 409 with {@code Retry-After}; each endpoint has its own key space.
 */
@QuarkusTest
@TestProfile(ApiProfile.class)
class IdempotencyTest {

    @Inject
    InMemoryPorts ports;

    private static Response create(String key, String body) {
        var request = Api.json(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/invoices");
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private int invoiceCount() {
        return ports.invoices().latest(Optional.empty(), Integer.MAX_VALUE).size();
    }

    @Test
    void givenAKey_whenTheSameCreateIsSentTwice_thenTheFirstStatusAndBodyAgainAndOneInvoice() {
        String key = newKey();
        int before = invoiceCount();

        Response first = create(key, Api.SMOKE_BODY);
        // time passes and the invoice changes (it was sent): the replay is still the first answer, byte for byte
        ports.clock().advance(Duration.ofMinutes(1));
        Api.sent(ports, new InvoiceId(first.jsonPath().getString("id")));
        Response again = create(key, Api.SMOKE_BODY);

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.contentType()).startsWith("application/json");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(invoiceCount()).as("one invoice").isEqualTo(before + 1);
        assertThat(ports.invoices().findByCreationKey(new IdempotencyKey("rest:" + key)))
                .as("created under the API's own key space").map(i -> i.id().value())
                .contains(first.jsonPath().getString("id"));
    }

    @Test
    void givenAKey_whenAnotherBodyIsSentWithIt_then422AndNothingCreated() {
        String key = newKey();
        create(key, Api.SMOKE_BODY).then().statusCode(201);
        int before = invoiceCount();

        Response other = create(key, Api.SMOKE_BODY.replace("Cleaning", "Ironing"));

        problem(other, 422, "idempotency-key-reused");
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(invoiceCount()).isEqualTo(before);
    }

    @Test
    void givenNoKey_whenTheSameCreateIsSentTwice_thenTwoInvoicesAsBefore() {
        int before = invoiceCount();

        Response first = create(null, Api.SMOKE_BODY);
        Response second = create(null, Api.SMOKE_BODY);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.jsonPath().getString("id")).isNotEqualTo(first.jsonPath().getString("id"));
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(invoiceCount()).isEqualTo(before + 2);
    }

    @Test
    void givenAKeyFirstUsedWithABadBody_whenRepeated_thenTheSame400_andTheFixedBodyNeedsANewKey() {
        // a key is bound at its first use, whatever the answer
        String key = newKey();
        String bad = "{\"msisdn\":\"12\",\"amount_cents\":250000,\"description\":\"Cleaning\"}";

        Response first = create(key, bad);
        Response again = create(key, bad);

        fieldError(first, "validation-error", "msisdn", "format");
        fieldError(again, "validation-error", "msisdn", "format");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        problem(create(key, Api.SMOKE_BODY), 422, "idempotency-key-reused");
        create(newKey(), Api.SMOKE_BODY).then().statusCode(201);
    }

    @Test
    void givenAMalformedKey_whenCreating_then400NamingTheHeaderAndNothingCreated() {
        int before = invoiceCount();

        fieldError(create("two words", Api.SMOKE_BODY), "validation-error", "Idempotency-Key", "format");
        fieldError(create("k".repeat(196), Api.SMOKE_BODY), "validation-error", "Idempotency-Key", "max_length");

        assertThat(invoiceCount()).isEqualTo(before);
    }

    @Test
    void givenTheFirstRequestIsStillRunning_whenRepeated_then409WithRetryAfter_andOnceItsClaimIsStaleItRuns() {
        String key = newKey();
        // the first request claimed the key and has not answered (it is running, or it died)
        Instant now = ports.clock().instant();
        assertThat(ports.idempotentAnswers().claim("invoices", key, IdempotentEndpoint.fingerprint(
                Api.SMOKE_BODY.getBytes(StandardCharsets.UTF_8)), now, now.minus(Duration.ofMinutes(2))))
                .isInstanceOf(Claim.Claimed.class);
        int before = invoiceCount();

        Response busy = create(key, Api.SMOKE_BODY);

        problem(busy, 409, "request-in-progress");
        assertThat(busy.header("Retry-After")).isEqualTo("1");
        assertThat(invoiceCount()).isEqualTo(before);

        // a first request that died never answers: after the stale time a repeat runs it (the use case is keyed)
        ports.clock().advance(IdempotentRequestsService.STALE_AFTER.plusSeconds(1));
        Response retried = create(key, Api.SMOKE_BODY);

        assertThat(retried.statusCode()).as(retried.asString()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(invoiceCount()).isEqualTo(before + 1);
    }

    @Test
    void givenTheCreateRanButItsAnswerWasNotStored_whenRepeated_thenTheSameInvoiceMarkedReplayed() {
        // the use case itself is keyed: a run whose answer was lost (claim went stale) returns the first invoice
        String key = newKey();
        Response first = create(key, Api.SMOKE_BODY);
        ports.idempotentAnswers().purgeBefore(ports.clock().instant().plusSeconds(1), Integer.MAX_VALUE);
        int before = invoiceCount();

        Response again = create(key, Api.SMOKE_BODY);

        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(invoiceCount()).isEqualTo(before);
    }

    @Test
    void givenOneKey_whenUsedOnTwoEndpoints_thenEachEndpointHasItsOwnKeySpace() {
        String key = newKey();
        create(key, Api.SMOKE_BODY).then().statusCode(201);
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);

        Response initiated = Api.json("{\"invoice_id\":\"" + invoice.id() + "\"}").header("Idempotency-Key", key)
                .post("/payments/stk/initiate");

        assertThat(initiated.statusCode()).as(initiated.asString()).isEqualTo(202);
        assertThat(initiated.header("Idempotent-Replayed")).isEqualTo("false");
    }
}
