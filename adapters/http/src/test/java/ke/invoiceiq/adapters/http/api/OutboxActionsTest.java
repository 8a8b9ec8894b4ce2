package ke.invoiceiq.adapters.http.api;

import static ke.invoiceiq.adapters.http.api.Api.api;
import static ke.invoiceiq.adapters.http.api.Api.fieldError;
import static ke.invoiceiq.adapters.http.api.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.OutboxStatus;
import org.junit.jupiter.api.Test;

/** {@code POST /admin/outbox/{id}/retry} and {@code /abandon}: only a FAILED message changes. */
@QuarkusTest
@TestProfile(ApiProfile.class)
class OutboxActionsTest {

    @Inject
    InMemoryPorts ports;

    /** The invoice message of a new invoice, given up by the dispatcher. */
    private String failedMessage() {
        InvoiceId invoice = Api.created();
        String id = ports.outbox().all().stream().filter(m -> m.invoiceId().equals(java.util.Optional.of(invoice)))
                .map(OutboxMessage::id).findFirst().orElseThrow();
        String claim = "test-claim-" + id;
        assertThat(ports.outbox().claim(id, claim, ports.clock().instant(), Duration.ofSeconds(30))).isTrue();
        assertThat(ports.outbox().markFailed(id, claim, "131026 undeliverable", ports.clock().instant())).isTrue();
        return id;
    }

    @Test
    void givenAFailedMessage_whenRetried_thenItIsPendingAgainWithNoTriesAndItsTextIsNotShown() {
        String id = failedMessage();

        Response response = api().post("/admin/outbox/" + id + "/retry");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getString("result")).isEqualTo("retried");
        assertThat(response.jsonPath().getString("message.status")).isEqualTo("PENDING");
        assertThat(response.jsonPath().getInt("message.attempts")).isZero();
        assertThat(response.asString()).doesNotContain(Api.CUSTOMER).doesNotContain("131026");
        assertThat(ports.outbox().find(id).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        problem(api().post("/admin/outbox/" + id + "/retry"), 409, "outbox-message-not-failed");
    }

    @Test
    void givenAFailedMessage_whenAbandoned_thenItIsFinalAndCannotBeRetried() {
        String id = failedMessage();

        Response response = api().post("/admin/outbox/" + id + "/abandon");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getString("message.status")).isEqualTo("ABANDONED");
        assertThat(ports.outbox().find(id).orElseThrow().status()).isEqualTo(OutboxStatus.ABANDONED);
        problem(api().post("/admin/outbox/" + id + "/retry"), 409, "outbox-message-not-failed");
        problem(api().post("/admin/outbox/" + id + "/abandon"), 409, "outbox-message-not-failed");
    }

    @Test
    void givenAQueuedMessage_whenRetriedOrAbandoned_thenItIsRefusedAndStaysQueued() {
        InvoiceId invoice = Api.created();
        String id = ports.outbox().all().stream().filter(m -> m.invoiceId().equals(java.util.Optional.of(invoice)))
                .map(OutboxMessage::id).findFirst().orElseThrow();

        problem(api().post("/admin/outbox/" + id + "/abandon"), 409, "outbox-message-not-failed");
        assertThat(ports.outbox().find(id).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
    }

    @Test
    void givenAnUnknownOrMalformedId_whenRetried_thenNotFoundOrA400() {
        problem(api().post("/admin/outbox/no-such-message/retry"), 404, "outbox-message-not-found");
        fieldError(api().post("/admin/outbox/not%20an%20id/retry"), "validation-error", "id", "format");
    }
}
