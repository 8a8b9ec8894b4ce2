package ke.invoiceiq.bootstrap.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import ke.invoiceiq.application.retention.RetentionSettings;
import ke.invoiceiq.bootstrap.http.ManagementInterfaceProdTest.Prod;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.bootstrap.testing.Database;
import ke.invoiceiq.bootstrap.testing.ProviderTraffic;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Description;
import org.junit.jupiter.api.Test;

/**
 * The bad-input and privacy rules in the prod profile, through the real endpoints (the REST API and the signed
 * WhatsApp webhook, handled by the production webhook workers). {@code BadInputAndPrivacyTest} covers every case in
 * the test profile, with the chat and the providers' answers; this class shows the production configuration keeps
 * them. The scheduled dispatcher is off here, so an answer is read where it waits: the outbox.
 */
@QuarkusTest
@TestProfile(Prod.class)
class ProdBadInputTest {

    private static final String PHONE_ID = "106540352242922";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    Database db;

    @Test
    void givenProd_whenAnInvoiceCarriesHiddenFormatting_thenA400NamesTheFieldAndNothingIsCreated() {
        Msisdn customer = Customers.fresh();

        Response description = createInvoice("{\"msisdn\":\"" + customer.value() + "\",\"amount_cents\":250000,"
                + "\"description\":\"Deposit KES \\u202E0052\\u202C\"}");
        Response name = createInvoice("{\"msisdn\":\"" + customer.value() + "\",\"customer_name\":\"\\u200FMama\","
                + "\"amount_cents\":250000,\"description\":\"Cleaning\"}");

        assertThat(onlyViolation(description)).containsEntry("field", "description").containsEntry("rule", "format")
                .containsEntry("message", Description.HIDDEN_FORMATTING);
        assertThat(onlyViolation(name)).containsEntry("field", "customer_name").containsEntry("rule", "format")
                .containsEntry("message", CustomerName.HIDDEN_FORMATTING);
        assertThat(db.count("SELECT count(*) FROM invoices WHERE msisdn = ?", customer.value())).isZero();
    }

    @Test
    void givenProd_whenTheNumberIsTypedWithTheZeroAfter254_thenTheInvoiceIsCreatedForTheCanonicalNumber() {
        Msisdn customer = Customers.fresh();
        String local = Customers.typed(customer);

        Response created = createInvoice("{\"msisdn\":\"+254 " + local.substring(0, 4) + " " + local.substring(4, 7)
                + " " + local.substring(7) + "\",\"amount_cents\":250000,\"description\":\"Cleaning\"}");

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.jsonPath().getString("msisdn")).isEqualTo(customer.value());
    }

    @Test
    void givenProd_whenAnotherNumberTypesPayWithARealInvoiceId_thenTheAnswerIsThatOfAnUnknownInvoice() {
        Msisdn customer = Customers.fresh();
        Msisdn stranger = Customers.fresh();
        String invoice = createInvoice("{\"msisdn\":\"" + customer.value() + "\",\"amount_cents\":150000,"
                + "\"description\":\"Cleaning\"}").then().statusCode(201).extract().path("id");

        String webhook = ProviderTraffic.whatsAppText(PHONE_ID, stranger, ProviderTraffic.newWamid(),
                "PAY " + invoice, Instant.now());
        assertThat(ProviderTraffic.postSignedWebhook(webhook, Prod.APP_SECRET).statusCode()).isEqualTo(200);
        ProviderTraffic.eventually(WAIT, () -> !answersTo(stranger).isEmpty());

        assertThat(answersTo(stranger)).containsExactly("I can't find invoice " + invoice
                + ". Please check the invoice # on your message and try again.");
        assertThat(answersTo(stranger).getFirst()).doesNotContain(customer.masked());
        assertThat(db.count("SELECT count(*) FROM payments WHERE invoice_id = ?", invoice)).isZero();
    }

    @Test
    void givenProd_whenASignedWebhookCarriesAMessageOlderThanTheRetention_thenItIsAcknowledgedAndNothingHappens() {
        Msisdn sender = Customers.fresh();
        String wamid = ProviderTraffic.newWamid();
        String webhook = ProviderTraffic.whatsAppText(PHONE_ID, sender, wamid, "PAY INV-ABC234",
                Instant.now().minus(RetentionSettings.DEFAULT.inboundEvents()).minus(Duration.ofHours(1)));

        assertThat(ProviderTraffic.postSignedWebhook(webhook, Prod.APP_SECRET).statusCode()).isEqualTo(200);
        ProviderTraffic.eventually(WAIT, () -> db.count("SELECT count(*) FROM webhook_inbox WHERE processed_at IS NOT"
                + " NULL AND body = convert_to(?, 'UTF8')", webhook) == 1);

        assertThat(db.count("SELECT count(*) FROM inbound_events WHERE event_id = ?", wamid)).isZero();
        assertThat(answersTo(sender)).isEmpty();
    }

    private List<String> answersTo(Msisdn person) {
        return db.column("SELECT content->>'text' FROM outbox WHERE recipient_msisdn = ? ORDER BY created_at",
                person.value());
    }

    private static Response createInvoice(String body) {
        return given().header("Authorization", "Bearer " + Prod.ADMIN_KEY).contentType("application/json")
                .body(body).post("/invoices");
    }

    private static Map<String, String> onlyViolation(Response refused) {
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
        List<Map<String, String>> errors = refused.jsonPath().getList("errors");
        assertThat(errors).hasSize(1);
        return errors.getFirst();
    }
}
