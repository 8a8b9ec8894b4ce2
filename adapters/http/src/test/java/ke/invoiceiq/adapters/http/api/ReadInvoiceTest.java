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
import java.util.Locale;
import ke.invoiceiq.adapters.http.TestPayments;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /invoices/{id}}. */
@QuarkusTest
@TestProfile(ApiProfile.class)
class ReadInvoiceTest {

    @Inject
    InMemoryPorts ports;

    @Test
    void showsThePaidInvoiceWithEveryTime() {
        Invoice paid = Api.in(ports, InvoiceStatus.PAID);

        JsonPath body = api().get("/invoices/" + paid.id()).then().statusCode(200).contentType("application/json")
                .extract().jsonPath();

        assertThat(body.getString("id")).isEqualTo(paid.id().value());
        assertThat(body.getString("status")).isEqualTo("PAID");
        assertThat(body.getString("sent_at")).isEqualTo(paid.sentAt().orElseThrow().toString());
        assertThat(body.getString("paid_at")).isEqualTo(paid.paidAt().orElseThrow().toString());
        assertThat(body.getString("delivery_channel")).isEqualTo("WHATSAPP");
        String receipt = paid.receipt().orElseThrow().value();
        assertThat(body.getString("mpesa_receipt")).isEqualTo(receipt);
        assertThat(body.getList("mpesa_receipts", String.class)).containsExactly(receipt);
        assertThat(body.getLong("amount_paid_cents")).isEqualTo(250_000L);
        assertThat(body.getString("amount_paid_display")).isEqualTo("KES 2,500");
        assertThat(body.getLong("balance_cents")).isZero();
        assertThat(body.getString("balance_display")).isEqualTo("KES 0");
        assertThat(body.getString("cancelled_at")).isNull();
        assertThat(body.getString("pay_url")).isEqualTo("https://pay.example/pay/" + paid.payToken().value());
    }

    @Test
    void givenPartPayments_whenRead_thenWhatWasPaidTheBalanceAndEveryReceiptOldestFirst() {
        Invoice sent = Api.in(ports, InvoiceStatus.SENT);
        Invoice partPaid = TestPayments.pay(ports, sent, 1_000);

        JsonPath part = api().get("/invoices/" + sent.id()).then().statusCode(200).extract().jsonPath();

        assertThat(part.getString("status")).isEqualTo("SENT");
        assertThat(part.getLong("amount_cents")).isEqualTo(250_000L);
        assertThat(part.getLong("amount_paid_cents")).isEqualTo(100_000L);
        assertThat(part.getString("amount_paid_display")).isEqualTo("KES 1,000");
        assertThat(part.getLong("balance_cents")).isEqualTo(150_000L);
        assertThat(part.getString("balance_display")).isEqualTo("KES 1,500");
        String first = partPaid.receipt().orElseThrow().value();
        assertThat(part.getList("mpesa_receipts", String.class)).containsExactly(first);
        assertThat(part.getString("paid_at")).isNull();

        ports.clock().advance(Duration.ofMinutes(5));
        Invoice paid = TestPayments.pay(ports, partPaid, 1_500);
        JsonPath full = api().get("/invoices/" + sent.id()).then().statusCode(200).extract().jsonPath();

        String second = paid.receipt().orElseThrow().value();
        assertThat(full.getString("status")).isEqualTo("PAID");
        assertThat(full.getLong("amount_paid_cents")).isEqualTo(250_000L);
        assertThat(full.getLong("balance_cents")).isZero();
        assertThat(full.getList("mpesa_receipts", String.class)).containsExactly(first, second);
        assertThat(full.getString("mpesa_receipt")).as("the latest, as before").isEqualTo(second);
    }

    @Test
    void readsTheIdAsTheChatDoes() {
        Invoice invoice = Api.in(ports, InvoiceStatus.PENDING);

        api().get("/invoices/" + invoice.id().value().toLowerCase(Locale.ROOT)).then().statusCode(200);
    }

    @Test
    void answers404ForAnInvoiceThatDoesNotExist() {
        problem(api().get("/invoices/INV-ZZZZZZ"), 404, "invoice-not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope", "INV-1234", "INV-UUUUUU", "12345678"})
    void answers400ForSomethingThatIsNotAnInvoiceId(String id) {
        fieldError(api().get("/invoices/" + id), "validation-error", "id", "format");
    }
}
