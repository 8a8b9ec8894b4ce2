package ke.invoiceiq.bootstrap.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.admin;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.createInvoice;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.eventually;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.freshCustomer;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.freshDescription;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.freshReceipt;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.invoice;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.payPath;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.postStkCallback;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.stkSuccess;
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
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * M-PESA against the packaged application in the prod profile: the Daraja callback's token check, and a whole
 * payment — an invoice made through the REST API, the STK push sent through the Daraja client (OAuth, then the push,
 * to the stand-in), Safaricom's success callback, and the invoice PAID with its receipt, on the API and on the pay
 * page.
 */
@QuarkusIntegrationTest
@TestProfile(PackagedAppProfile.class)
class MpesaPaymentIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ProviderStandIns.Server
    WireMockServer providers;

    @Test
    void givenAnStkCallback_whenItsPathLacksTheRightToken_thenItIsRefusedWith401() {
        String body = stkSuccess("ws_CO_000000000000000000000001", 100, freshReceipt(), freshCustomer());

        postStkCallback("not-the-callback-token", body).then().statusCode(401);
        postStkCallback(ProviderStandIns.STK_CALLBACK_TOKEN + "x", body).then().statusCode(401);
        given().contentType("application/json").body(body).when().post("/payments/stk/callback")
                .then().statusCode(401);
    }

    @Test
    void givenAnInvoice_whenThePromptIsSentAndSafaricomConfirms_thenTheInvoiceIsPaidWithTheReceipt() {
        String customer = freshCustomer();
        String description = freshDescription("Garden work");
        String id = createInvoice(customer, 740, description).getString("id");

        JsonPath payment = admin().header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body("{\"invoice_id\":\"" + id + "\"}")
                .when().post("/payments/stk/initiate")
                .then().statusCode(202).extract().jsonPath();
        assertThat(payment.getString("status")).isEqualTo("INITIATED");
        assertThat(payment.getString("invoice_id")).isEqualTo(id);
        String checkout = payment.getString("checkout_request_id");
        assertThat(checkout).startsWith("ws_CO_");

        // the push went out through the Daraja client, for this customer and amount
        assertThat(providers.findAll(postRequestedFor(urlPathEqualTo(ProviderStandIns.DARAJA_PUSH))))
                .map(MpesaPaymentIT::json)
                .anySatisfy(push -> {
                    assertThat(push.path("PhoneNumber").asText()).isEqualTo(customer);
                    assertThat(push.path("PartyA").asText()).isEqualTo(customer);
                    assertThat(push.path("Amount").asLong()).isEqualTo(740);
                    assertThat(push.path("BusinessShortCode").asText()).isEqualTo("174379");
                    assertThat(push.path("CallBackURL").asText())
                            .endsWith("/payments/stk/callback/" + ProviderStandIns.STK_CALLBACK_TOKEN);
                });

        String receipt = freshReceipt();
        String success = stkSuccess(checkout, 740, receipt, customer);
        postStkCallback("not-the-callback-token", success).then().statusCode(401);
        assertThat(invoice(id).getString("status")).isNotEqualTo("PAID");

        JsonPath acknowledged = postStkCallback(ProviderStandIns.STK_CALLBACK_TOKEN, success)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
        assertThat(acknowledged.getInt("ResultCode")).isZero();
        assertThat(acknowledged.getString("ResultDesc")).isNotBlank();

        JsonPath paid = eventually(id + " PAID", () -> Optional.of(invoice(id))
                .filter(json -> "PAID".equals(json.getString("status"))));
        assertThat(paid.getString("mpesa_receipt")).isEqualTo(receipt);
        assertThat(paid.getString("paid_at")).isNotBlank();

        JsonPath payments = admin().queryParam("invoice_id", id).when().get("/payments")
                .then().statusCode(200).extract().jsonPath();
        assertThat(payments.getString("items[0].status")).isEqualTo("SUCCESS");
        assertThat(payments.getString("items[0].checkout_request_id")).isEqualTo(checkout);
        assertThat(payments.getString("items[0].mpesa_receipt")).isEqualTo(receipt);

        String payPage = given().when().get(payPath(paid.getString("pay_url")))
                .then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(payPage).contains("Invoice #" + id, "Paid", receipt).doesNotContain("id=\"pay\"");
    }

    private static JsonNode json(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
