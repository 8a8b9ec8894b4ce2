package ke.invoiceiq.adapters.http.api;

import static ke.invoiceiq.adapters.http.api.Api.api;
import static ke.invoiceiq.adapters.http.api.Api.fieldError;
import static ke.invoiceiq.adapters.http.api.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /invoices/{id}/remind} and {@code /cancel}: every outcome of the two use cases. */
@QuarkusTest
@TestProfile(ApiProfile.class)
class RemindAndCancelTest {

    @Inject
    InMemoryPorts ports;

    private List<OutboxMessage> queuedFor(InvoiceId id, MessagePurpose purpose) {
        return ports.outbox().all().stream()
                .filter(m -> m.invoiceId().filter(id::equals).isPresent() && m.purpose() == purpose).toList();
    }

    private static Response remind(InvoiceId id) {
        return api().post("/invoices/" + id + "/remind");
    }

    private static Response cancel(InvoiceId id) {
        return api().post("/invoices/" + id + "/cancel");
    }

    // ---- remind ---------------------------------------------------------------------------------------------

    @Test
    void remindsASentInvoiceThenAsksToWaitTheInterval() {
        Invoice sent = Api.in(ports, InvoiceStatus.SENT);

        Response first = remind(sent.id());

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(202);
        assertThat(first.jsonPath().getString("result")).isEqualTo("reminded");
        assertThat(first.jsonPath().getInt("invoice.reminder_count")).isEqualTo(1);
        assertThat(first.jsonPath().getString("invoice.last_reminded_at")).isEqualTo(ports.clock().instant().toString());
        assertThat(queuedFor(sent.id(), MessagePurpose.REMINDER)).hasSize(1);

        ports.clock().advance(Duration.ofMinutes(10));
        Response again = remind(sent.id());

        JsonPath problem = problem(again, 429, "reminded-recently");
        assertThat(again.header("Retry-After")).isEqualTo(String.valueOf(Duration.ofMinutes(50).toSeconds()));
        assertThat(Instant.parse(problem.getString("retry_at"))).isEqualTo(ports.clock().instant().plus(
                Duration.ofMinutes(50)));
        assertThat(queuedFor(sent.id(), MessagePurpose.REMINDER)).hasSize(1);

        ports.clock().advance(Duration.ofMinutes(50));
        assertThat(remind(sent.id()).statusCode()).isEqualTo(202);
    }

    @Test
    void deliversAFailedInvoiceAgain() {
        Invoice failed = Api.in(ports, InvoiceStatus.FAILED);
        int before = queuedFor(failed.id(), MessagePurpose.INVOICE).size();

        Response response = remind(failed.id());

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        assertThat(response.jsonPath().getString("result")).isEqualTo("redelivered");
        assertThat(queuedFor(failed.id(), MessagePurpose.INVOICE)).hasSize(before + 1);
    }

    @ParameterizedTest(name = "remind a {0} invoice → {1} {2}")
    @CsvSource({
            "PENDING,   409, invoice-not-sent-yet",
            "PAID,      409, invoice-already-paid",
            "CANCELLED, 409, invoice-cancelled"})
    void refusesToRemind(InvoiceStatus status, int code, String type) {
        Invoice invoice = Api.in(ports, status);

        problem(remind(invoice.id()), code, type);
        assertThat(queuedFor(invoice.id(), MessagePurpose.REMINDER)).isEmpty();
    }

    @Test
    void refusesAReminderBeyondTheLimit() {
        Invoice reminded = Api.remindedTimes(ports, 5);
        ports.clock().advance(Duration.ofDays(1));

        problem(remind(reminded.id()), 409, "reminder-limit-reached");
    }

    // ---- cancel ---------------------------------------------------------------------------------------------

    @Test
    void cancelsAPendingInvoiceQuietlyAndIsIdempotent() {
        Invoice pending = Api.in(ports, InvoiceStatus.PENDING);

        Response first = cancel(pending.id());
        Response again = cancel(pending.id());

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
        assertThat(first.jsonPath().getString("result")).isEqualTo("cancelled");
        assertThat(first.jsonPath().getBoolean("customer_notified")).isFalse();
        assertThat(first.jsonPath().getString("invoice.status")).isEqualTo("CANCELLED");
        assertThat(first.jsonPath().getString("invoice.cancelled_at")).isNotNull();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.jsonPath().getString("result")).isEqualTo("already_cancelled");
        assertThat(queuedFor(pending.id(), MessagePurpose.REMINDER)).isEmpty();
    }

    @Test
    void cancelsASentInvoiceAndTellsTheCustomer() {
        Invoice sent = Api.in(ports, InvoiceStatus.SENT);

        Response response = cancel(sent.id());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getBoolean("customer_notified")).isTrue();
        assertThat(Api.invoice(ports, sent.id()).status()).isEqualTo(InvoiceStatus.CANCELLED);
    }

    @Test
    void refusesToCancelWhileAnMpesaPromptIsOpen() {
        Invoice sent = Api.in(ports, InvoiceStatus.SENT);
        Api.json("{\"invoice_id\":\"" + sent.id() + "\"}").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/payments/stk/initiate").then().statusCode(202);

        problem(cancel(sent.id()), 409, "payment-in-flight");
        assertThat(Api.invoice(ports, sent.id()).status()).isEqualTo(InvoiceStatus.SENT);
    }

    @Test
    void refusesToCancelAPaidInvoiceWithAnotherType() {
        Invoice paid = Api.in(ports, InvoiceStatus.PAID);

        problem(cancel(paid.id()), 409, "invoice-already-paid");
    }

    @Test
    void answers404And400ForBothActions() {
        problem(remind(new InvoiceId("INV-ZZZZZY")), 404, "invoice-not-found");
        problem(cancel(new InvoiceId("INV-ZZZZZY")), 404, "invoice-not-found");
        fieldError(api().post("/invoices/bogus/remind"), "validation-error", "id", "format");
        fieldError(api().post("/invoices/bogus/cancel"), "validation-error", "id", "format");
    }
}
