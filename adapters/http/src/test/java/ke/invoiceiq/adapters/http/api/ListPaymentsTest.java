package ke.invoiceiq.adapters.http.api;

import static ke.invoiceiq.adapters.http.api.Api.api;
import static ke.invoiceiq.adapters.http.api.Api.fieldError;
import static ke.invoiceiq.adapters.http.api.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import ke.invoiceiq.adapters.http.TestPayments;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.payment.StkPushResponse;
import org.junit.jupiter.api.Test;

/** {@code GET /payments?invoice_id=}. */
@QuarkusTest
@TestProfile(ApiProfile.class)
class ListPaymentsTest {

    @Inject
    InMemoryPorts ports;

    private static void initiate(Invoice invoice, int expected) {
        Api.json("{\"invoice_id\":\"" + invoice.id() + "\"}").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/payments/stk/initiate").then().statusCode(expected);
    }

    @Test
    void listsTheAttemptsNewestFirstWithHowTheyEnded() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);
        ports.gateway().respondWith(new StkPushResponse.SubscriberBusy());
        initiate(invoice, 409);
        ports.clock().advance(Duration.ofMinutes(3));
        initiate(invoice, 202);

        JsonPath list = api().queryParam("invoice_id", invoice.id().value()).get("/payments").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();

        assertThat(list.getString("invoice_id")).isEqualTo(invoice.id().value());
        assertThat(list.getList("items.status", String.class)).containsExactly("INITIATED", "FAILED");
        assertThat(list.getString("items[0].checkout_request_id")).startsWith("ws_CO_");
        assertThat(list.getString("items[0].failure_reason")).isNull();
        assertThat(list.getInt("items[1].result_code")).isEqualTo(1001);
        assertThat(list.getString("items[1].failure_reason")).isEqualTo("another M-PESA prompt was open on the phone");
        assertThat(list.getString("items[1].checkout_request_id")).isNull();
        assertThat(list.getList("items.invoice_id", String.class)).containsOnly(invoice.id().value());
        assertThat(list.getString("items[0].created_at")).isEqualTo(ports.clock().instant().toString());
    }

    @Test
    void givenAPaidAndAGivenUpAttempt_whenListed_thenWhatWasReceivedAndTheNoAnswerReason() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);
        initiate(invoice, 202);
        // the reconciler gives up: M-PESA never said how the prompt ended
        Invoice current = Api.invoice(ports, invoice.id());
        Api.update(ports, current.giveUp(current.attemptInFlight().orElseThrow().id(), ports.clock().instant())
                .invoice());
        ports.clock().advance(Duration.ofMinutes(1));
        TestPayments.pay(ports, invoice, 1_000);

        JsonPath list = api().queryParam("invoice_id", invoice.id().value()).get("/payments").then().statusCode(200)
                .extract().jsonPath();

        assertThat(list.getList("items.status", String.class)).containsExactly("SUCCESS", "EXPIRED");
        assertThat(list.getLong("items[0].received_cents")).isEqualTo(100_000L);
        assertThat(list.getLong("items[0].amount_cents")).isEqualTo(250_000L);
        assertThat(list.getString("items[0].failure_reason")).isNull();
        assertThat(list.getString("items[1].received_cents")).isNull();
        assertThat(list.getString("items[1].failure_reason")).isEqualTo("M-PESA never confirmed the outcome");
        assertThat(list.getInt("items[1].result_code")).isEqualTo(-3);
    }

    @Test
    void anInvoiceWithoutAttemptsHasAnEmptyList() {
        Invoice invoice = Api.in(ports, InvoiceStatus.PENDING);

        JsonPath list = api().get("/payments?invoice_id=" + invoice.id()).then().statusCode(200).extract().jsonPath();

        assertThat(list.getList("items")).isEmpty();
    }

    @Test
    void answers404And400() {
        problem(api().get("/payments?invoice_id=INV-ZZZZZW"), 404, "invoice-not-found");
        fieldError(api().get("/payments"), "validation-error", "invoice_id", "required");
        fieldError(api().get("/payments?invoice_id=xyz"), "validation-error", "invoice_id", "format");
    }
}
