package ke.invoiceiq.bootstrap.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.eventually;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.findInvoice;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.freshCustomer;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.freshDescription;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.invoice;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.payPath;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.postWebhook;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.signature;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.whatsAppText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * WhatsApp against the packaged application (the runner jar, or the native binary in a {@code -Dnative} build), in
 * the prod profile: Meta's verification handshake, the signature check, and a signed merchant command that becomes an
 * invoice, goes to the customer through the Graph API and has a pay page. Seen from outside only: the webhook, the REST
 * API with the admin key, the pay page, and what the Graph API stand-in received.
 */
@QuarkusIntegrationTest
@TestProfile(PackagedAppProfile.class)
class WhatsAppWebhookIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ProviderStandIns.Server
    WireMockServer providers;

    @Test
    void givenMetasVerification_whenTheVerifyTokenMatches_thenTheChallengeComesBackAndOtherwise403() {
        String echoed = given().queryParam("hub.mode", "subscribe")
                .queryParam("hub.verify_token", ProviderStandIns.VERIFY_TOKEN)
                .queryParam("hub.challenge", "1158201444")
                .when().get("/whatsapp/webhook")
                .then().statusCode(200).contentType("text/plain").extract().asString();
        assertThat(echoed).isEqualTo("1158201444");

        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "not-the-verify-token")
                .queryParam("hub.challenge", "1158201444")
                .when().get("/whatsapp/webhook")
                .then().statusCode(403);
    }

    @Test
    void givenAWebhookWithoutOrWithAWrongSignature_whenPosted_thenItIsRefusedWith401() {
        String body = whatsAppText(PackagedAppProfile.MERCHANT, "help");

        postWebhook(body, null).then().statusCode(401);
        postWebhook(body, signature(body, "not-the-app-secret")).then().statusCode(401);
        postWebhook(body, signature(body + " ", ProviderStandIns.APP_SECRET)).then().statusCode(401);
    }

    @Test
    void givenTheMerchantsSignedInvoiceCommand_whenPosted_thenTheInvoiceIsCreatedSentOnWhatsAppAndPayable() {
        String customer = freshCustomer();
        String description = freshDescription("Deep cleaning");
        // the number as a merchant types it: 07XXXXXXXX
        String body = whatsAppText(PackagedAppProfile.MERCHANT,
                "invoice 0" + customer.substring(3) + " 1,250 " + description);

        postWebhook(body, signature(body, ProviderStandIns.APP_SECRET)).then().statusCode(200);

        Map<String, Object> created = eventually("an invoice described '" + description + "' in GET /invoices",
                () -> findInvoice(description));
        String id = (String) created.get("id");
        assertThat(id).matches("INV-[0-9A-HJKMNP-TV-Z]{6}");
        assertThat(created).containsEntry("msisdn", customer).containsEntry("amount_cents", 125000)
                .containsEntry("currency", "KES");

        // the dispatcher job sends it through the Graph API client; Graph's answer (a wamid) marks it SENT
        JsonPath sent = eventually(id + " SENT on WhatsApp", () -> Optional.of(invoice(id))
                .filter(json -> "SENT".equals(json.getString("status"))));
        assertThat(sent.getString("delivery_channel")).isEqualTo("WHATSAPP");
        assertThat(providers.findAll(postRequestedFor(urlPathEqualTo(ProviderStandIns.GRAPH_MESSAGES))))
                .map(WhatsAppWebhookIT::json)
                .anySatisfy(message -> {
                    assertThat(message.path("messaging_product").asText()).isEqualTo("whatsapp");
                    assertThat(message.path("to").asText()).isEqualTo(customer);
                    assertThat(message.toString()).contains("Invoice #" + id);
                });

        String payPage = given().when().get(payPath(sent.getString("pay_url")))
                .then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(payPage).contains("Invoice #" + id, "KES 1,250", description, "Pay with M-PESA");
    }

    private static JsonNode json(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
