package ke.invoiceiq.adapters.http.api;

import static ke.invoiceiq.adapters.http.api.Api.api;
import static ke.invoiceiq.adapters.http.api.Api.fieldError;
import static ke.invoiceiq.adapters.http.api.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Locale;
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
        assertThat(body.getString("mpesa_receipt")).isEqualTo(Api.RECEIPT);
        assertThat(body.getString("cancelled_at")).isNull();
        assertThat(body.getString("pay_url")).isEqualTo("https://pay.example/pay/" + paid.payToken().value());
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
