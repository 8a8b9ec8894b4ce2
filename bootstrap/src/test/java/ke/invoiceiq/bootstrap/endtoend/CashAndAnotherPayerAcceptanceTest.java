package ke.invoiceiq.bootstrap.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static ke.invoiceiq.bootstrap.endtoend.Conversation.MERCHANT;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.postStkCallback;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.receipt;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.stkSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import ke.invoiceiq.bootstrap.browser.HeadlessChromium;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Issue 17's "another payer, and cash", through the real endpoints on PostgreSQL with every provider played by
 * WireMock: the pay page in headless Chromium sends the prompt to another phone (Daraja receives it with that number
 * as PartyA and PhoneNumber), its callback pays the invoice and both receipts name the payer masked; the merchant
 * records cash and a bank part from WhatsApp ({@code paid …}, the signed webhook); the REST API records a part.
 */
@QuarkusTest
@TestProfile(AcceptanceProfile.class)
@WithTestResource(GraphApiWireMock.class)
@WithTestResource(DarajaWireMock.class)
@WithTestResource(AfricasTalkingWireMock.class)
class CashAndAnotherPayerAcceptanceTest extends AcceptanceBase {

    private static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final Duration SHORT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HeadlessChromium chromium;

    @TestHTTPResource("/")
    URL app;

    @BeforeAll
    static void startChromium() {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void givenThePayPage_whenTheLinkHolderPaysFromAnotherPhone_thenDarajaPromptsItAndBothReceiptsNameItMasked()
            throws Exception {
        Msisdn customer = Customers.fresh();
        Msisdn other = Customers.fresh();
        String invoice = sentInvoice(customer, "2500 Cleaning");
        WebDriver browser = chromium.driver();
        browser.get(app.toString().replaceAll("/$", "") + "/pay/" + payToken(invoice));

        // a bad number first: said on the page, kept as typed, nothing sent
        browser.findElement(By.id("phone")).sendKeys("0812 345");
        browser.findElement(By.id("pay")).click();
        chromium.await(SHORT, "the refused number", d -> text(d, "phone-error")
                .startsWith("That is not a Kenyan M-PESA number."));
        assertThat(browser.findElement(By.id("phone")).getAttribute("value")).isEqualTo("0812 345");
        assertThat(chat.pushesFor(other) + chat.pushesFor(customer)).isZero();
        chromium.screenshot(SCREENSHOTS.resolve("pay-page-other-phone-refused.png"));

        // then the other phone, typed as people type it
        browser.findElement(By.id("phone")).clear();
        browser.findElement(By.id("phone")).sendKeys("+254 " + Customers.typed(other));
        browser.findElement(By.id("pay")).click();
        chromium.await(SHORT, "the prompt sent to the other phone", d -> d.getCurrentUrl().endsWith("?r=sent")
                && text(d, "notice").contains("was sent to " + other.masked()));
        chromium.screenshot(SCREENSHOTS.resolve("pay-page-other-phone-sent.png"));

        // Daraja got the documented STK push body, for the other phone
        var pushes = daraja.findAll(postRequestedFor(urlPathEqualTo(DarajaWireMock.PUSH_PATH)));
        JsonNode push = pushes.stream().map(r -> read(r.getBodyAsString()))
                .filter(b -> b.path("AccountReference").asText().equals(invoice)).findFirst().orElseThrow();
        assertThat(push.path("PartyA").asText()).isEqualTo(other.value());
        assertThat(push.path("PhoneNumber").asText()).isEqualTo(other.value());
        assertThat(push.path("PartyB").asText()).isEqualTo("174379");
        assertThat(push.path("BusinessShortCode").asText()).isEqualTo("174379");
        assertThat(push.path("TransactionType").asText()).isEqualTo("CustomerPayBillOnline");
        assertThat(push.path("Amount").asText()).isEqualTo("2500");
        assertThat(push.path("Timestamp").asText()).matches("\\d{14}");
        assertThat(push.path("Password").asText()).isNotBlank();
        assertThat(push.path("CallBackURL").asText()).contains("/payments/stk/callback/");
        assertThat(chat.pushesFor(customer)).as("the invoiced number was not prompted").isZero();

        // M-PESA's callback from the other phone pays it
        String mpesaReceipt = receipt();
        assertThat(postStkCallback(DarajaWireMock.CALLBACK_TOKEN,
                stkSuccess(chat.checkoutInFlight(invoice), "2500.00", mpesaReceipt, other))).isEqualTo(200);
        assertThat(chat.status(invoice)).isEqualTo("PAID");
        chromium.await(Duration.ofSeconds(30), "the paid page", d -> "Paid".equals(text(d, "status")));

        chat.dispatch();
        assertThat(chat.lastWhatsAppTo(customer).text()).contains("Paid ✔ — Invoice #" + invoice, mpesaReceipt,
                "Paid from " + other.masked() + ".").doesNotContain(other.value());
        assertThat(chat.whatsAppTo(MERCHANT).stream().map(Conversation.Received::text)
                .filter(t -> t.contains("Invoice #" + invoice) && t.contains(mpesaReceipt)))
                .singleElement().satisfies(t -> assertThat(t).contains("Paid from " + other.masked() + "."));
        assertThat(chat.whatsAppTo(other)).as("the payer gets nothing from us").isEmpty();
    }

    @Test
    void givenTheMerchantOnWhatsApp_whenPaidCash_thenPaidAndTheCustomerGetsTheReceipt() {
        Msisdn customer = Customers.fresh();
        String invoice = sentInvoice(customer, "2500 Cleaning");

        step("paid " + invoice.toLowerCase() + " CASH", "Recorded ✔ KES 2,500 (cash) for Invoice #" + invoice);

        assertThat(chat.status(invoice)).isEqualTo("PAID");
        assertThat(db.column("SELECT seq || ' ' || method || ' ' || amount_cents FROM outside_payments"
                + " WHERE invoice_id = ?", invoice)).containsExactly("1 CASH 250000");
        assertThat(db.column("SELECT purpose FROM outbox WHERE invoice_id = ? AND recipient_msisdn = ?", invoice,
                customer.value())).contains("RECEIPT");
        assertThat(chat.lastWhatsAppTo(customer).text()).isEqualTo("Paid ✔ — Invoice #" + invoice + " (KES 2,500)\n"
                + "The merchant received KES 2,500 (cash). Thank you!");
    }

    @Test
    void givenTheMerchantOnWhatsApp_whenAPartIsPaidByBank_thenPartPaidAndTheRestByCashMakesItPaid() {
        Msisdn customer = Customers.fresh();
        String invoice = sentInvoice(customer, "2500 Cleaning");

        step("paid " + invoice + " 500 bank", "Balance left: KES 2,000.");
        assertThat(chat.status(invoice)).isEqualTo("SENT");
        Conversation.Received part = chat.lastWhatsAppTo(customer);
        assertThat(part.text()).contains("Part payment ✔", "KES 500 (bank transfer)", "Balance: KES 2,000.");
        assertThat(part.buttons()).containsExactly("pay_" + invoice);

        step("paid " + invoice + " 3000 cash", "Not recorded: KES 3,000 is more than the KES 2,000 left");
        step("paid " + invoice + " cash", "is now paid in full");

        assertThat(chat.status(invoice)).isEqualTo("PAID");
        assertThat(db.column("SELECT seq || ' ' || method || ' ' || amount_cents FROM outside_payments"
                + " WHERE invoice_id = ? ORDER BY seq", invoice))
                .containsExactly("1 BANK_TRANSFER 50000", "2 CASH 200000");
    }

    @Test
    void givenTheRestApi_whenAPartIsRecorded_thenPartPaidAndTheCustomerIsTold() {
        Msisdn customer = Customers.fresh();
        String invoice = sentInvoice(customer, "1500 Tailoring");

        Response part = given().header("Authorization", "Bearer " + AcceptanceProfile.ADMIN_KEY)
                .contentType("application/json").body("{\"method\":\"cash\",\"note\":\"Cash at the shop\","
                        + "\"amount\":1000}")
                .post("/invoices/" + invoice + "/mark-paid");

        assertThat(part.statusCode()).as(part.asString()).isEqualTo(200);
        assertThat(part.jsonPath().getString("result")).isEqualTo("part_paid");
        assertThat(part.jsonPath().getLong("invoice.balance_cents")).isEqualTo(50_000);
        assertThat(part.jsonPath().getList("invoice.paid_outside.amount_cents")).containsExactly(100_000);
        assertThat(chat.status(invoice)).isEqualTo("SENT");
        chat.dispatch();
        assertThat(chat.lastWhatsAppTo(customer).text()).contains("KES 1,000 (cash)", "Balance: KES 500.");

        Response over = given().header("Authorization", "Bearer " + AcceptanceProfile.ADMIN_KEY)
                .contentType("application/json").body("{\"method\":\"CASH\",\"note\":\"Cash at the shop\","
                        + "\"amount_cents\":50100}")
                .post("/invoices/" + invoice + "/mark-paid");
        assertThat(over.statusCode()).isEqualTo(422);
        assertThat(over.jsonPath().getString("type")).endsWith("/more-than-balance");
        assertThat(db.column("SELECT count(*) FROM outside_payments WHERE invoice_id = ?", invoice))
                .containsExactly("1");
    }

    // ---- helpers ----

    private String payToken(String invoice) {
        List<String> tokens = db.column("SELECT pay_token FROM invoices WHERE id = ?", invoice);
        return tokens.getFirst();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(WebDriver browser, String id) {
        var found = browser.findElements(By.id(id));
        return found.isEmpty() ? "" : found.getFirst().getText().strip();
    }
}
