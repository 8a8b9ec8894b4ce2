package ke.invoiceiq.bootstrap.endtoend;

import static io.restassured.RestAssured.given;
import static ke.invoiceiq.bootstrap.endtoend.Conversation.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Payments outside the STK prompt (issue 17): Daraja's C2B confirmation and validation requests through the real
 * endpoints, the token-protected {@code /payments/c2b/...} paths, on the real PostgreSQL, with the documented payload
 * (docs/daraja.md, "C2B: Paybill and Till"). Amounts are made up per test, so that invoices other test classes left
 * SENT in the shared database never fit a Till payment here.
 */
@QuarkusTest
@TestProfile(C2bProfile.class)
@WithTestResource(GraphApiWireMock.class)
@WithTestResource(DarajaWireMock.class)
@WithTestResource(AfricasTalkingWireMock.class)
class C2bAcceptanceTest extends AcceptanceBase {

    private static final DateTimeFormatter TRANS_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneId.of("Africa/Nairobi"));

    // ---- Paybill ----

    @ParameterizedTest(name = "account typed as {0}")
    @ValueSource(strings = {"lower-dashed", "upper-spaced", "bare"})
    void givenAPaybillPaymentNamingTheInvoiceInAnyForm_whenConfirmed_thenPaidAndBothAreTold(String form) {
        Msisdn customer = Customers.fresh();
        long shillings = amount();
        String invoice = createdAndSent(customer, shillings);
        String account = switch (form) {
            case "lower-dashed" -> invoice.toLowerCase(Locale.ROOT);
            case "upper-spaced" -> invoice.replace('-', ' ');
            default -> invoice.substring("INV-".length());
        };
        String transId = transId();
        long noticesBefore = merchantNotices(invoice);

        confirm(paybill(transId, shillings, account)).then().statusCode(200).body("ResultCode",
                org.hamcrest.Matchers.equalTo(0));
        chat.dispatch();

        assertThat(chat.status(invoice)).isEqualTo("PAID");
        assertThat(invoiceJson(invoice).getString("mpesa_receipt")).isEqualTo(transId);
        assertThat(chat.lastWhatsAppTo(customer).text()).contains(transId);
        assertThat(merchantNotices(invoice)).as("the merchant's receipt").isEqualTo(noticesBefore + 1);
        assertThat(scrape().value("invoiceiq_c2b_payments_total", "kind", "paybill", "outcome", "by_account"))
                .isPositive();
    }

    @Test
    void givenTheSameTransIdTwice_whenConfirmedAgain_thenItIsAppliedOnce() {
        Msisdn customer = Customers.fresh();
        long shillings = amount();
        String invoice = createdAndSent(customer, shillings);
        String transId = transId();

        confirm(paybill(transId, 1_000, invoice)).then().statusCode(200);
        confirm(paybill(transId, 1_000, invoice)).then().statusCode(200);
        confirm(paybill(transId, 1_000, invoice.toLowerCase(Locale.ROOT))).then().statusCode(200);

        assertThat(db.count("SELECT count(*) FROM payments WHERE mpesa_receipt = ?", transId)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM c2b_payments WHERE trans_id = ?", transId)).isEqualTo(1);
        assertThat(invoiceJson(invoice).getLong("amount_paid_cents")).isEqualTo(100_000);
    }

    @Test
    void givenAPartPaybillPayment_whenConfirmed_thenPartPaidWithTheBalanceDue() {
        Msisdn customer = Customers.fresh();
        long shillings = amount();
        String invoice = createdAndSent(customer, shillings);

        confirm(paybill(transId(), 1_000, invoice)).then().statusCode(200);
        chat.dispatch();

        var json = invoiceJson(invoice);
        assertThat(json.getString("status")).isEqualTo("SENT");
        assertThat(json.getLong("amount_paid_cents")).isEqualTo(100_000);
        assertThat(json.getLong("balance_cents")).isEqualTo((shillings - 1_000) * 100);
        assertThat(chat.lastWhatsAppTo(customer).text()).contains(invoice);
    }

    @Test
    void givenValidationOn_whenAnAccountNamesNoOpenInvoice_thenRefusedWithC2B00012AndAKnownOneAccepted() {
        Msisdn customer = Customers.fresh();
        String invoice = createdAndSent(customer, amount());

        validate(paybill(transId(), 500, "INV-UUUUUU")).then().statusCode(200)
                .body("ResultCode", org.hamcrest.Matchers.equalTo("C2B00012"));
        validate(paybill(transId(), 500, "my house")).then().statusCode(200)
                .body("ResultCode", org.hamcrest.Matchers.equalTo("C2B00012"));
        validate(paybill(transId(), 500, invoice.toLowerCase(Locale.ROOT).replace("-", " "))).then().statusCode(200)
                .body("ResultCode", org.hamcrest.Matchers.equalTo("0"))
                .body("ResultDesc", org.hamcrest.Matchers.equalTo("Accepted"));
        assertThat(chat.status(invoice)).as("validation moves no money").isEqualTo("SENT");
    }

    @Test
    void givenAWrongToken_whenConfirmed_thenUnauthorizedAndNothingKept() {
        String transId = transId();

        given().contentType("application/json").body(paybill(transId, 100, "INV-7K3Q9X"))
                .post("/payments/c2b/confirmation/not-the-token").then().statusCode(401);

        assertThat(db.count("SELECT count(*) FROM c2b_payments WHERE trans_id = ?", transId)).isZero();
    }

    // ---- Till ----

    @Test
    void givenATillPaymentWithOneOpenInvoiceOfThatBalance_whenConfirmed_thenThatInvoiceIsPaid() {
        Msisdn customer = Customers.fresh();
        long shillings = amount();
        String invoice = createdAndSent(customer, shillings);
        clock.advance(Duration.ofMinutes(30));
        String transId = transId();

        confirm(till(transId, shillings)).then().statusCode(200);
        chat.dispatch();

        assertThat(chat.status(invoice)).isEqualTo("PAID");
        assertThat(invoiceJson(invoice).getString("mpesa_receipt")).isEqualTo(transId);
    }

    @Test
    void givenATillPaymentThatFitsTwoInvoices_whenConfirmed_thenItIsUnmatchedAndTheMerchantIsTold() {
        long shillings = amount();
        String first = createdAndSent(Customers.fresh(), shillings);
        String second = createdAndSent(Customers.fresh(), shillings);
        clock.advance(Duration.ofMinutes(30));
        String transId = transId();

        confirm(till(transId, shillings)).then().statusCode(200);
        chat.dispatch();

        assertThat(chat.status(first)).isEqualTo("SENT");
        assertThat(chat.status(second)).isEqualTo("SENT");
        assertThat(db.count("SELECT count(*) FROM outbox WHERE purpose = 'MERCHANT_NOTICE' AND recipient_msisdn = ?"
                + " AND content::text LIKE ?", MERCHANT.value(), "%" + transId + "%"))
                .as("the merchant is told of the unmatched payment").isEqualTo(1);
        Response unmatched = api().get("/payments/unmatched?status=OPEN");
        assertThat(unmatched.statusCode()).isEqualTo(200);
        String id = unmatched.jsonPath().getString("items.find { it.mpesa_receipt == '" + transId + "' }.id");
        assertThat(id).isNotNull();
        assertThat(unmatched.jsonPath().getString("items.find { it.mpesa_receipt == '" + transId
                + "' }.checkout_request_id")).isNull();

        Response applied = api().contentType("application/json").body("{\"invoice_id\":\"" + second + "\"}")
                .post("/payments/unmatched/" + id + "/apply");
        assertThat(applied.statusCode()).as(applied.asString()).isEqualTo(200);
        assertThat(chat.status(second)).isEqualTo("PAID");
    }

    // ---- helpers ----

    private static long amount() {
        return ThreadLocalRandom.current().nextLong(10_000, 99_000);
    }

    private static String transId() {
        StringBuilder id = new StringBuilder("T");
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        for (int i = 0; i < 9; i++) {
            id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private String paybill(String transId, long shillings, String account) {
        return payload("Pay Bill", transId, shillings, C2bProfile.PAYBILL, account);
    }

    private String till(String transId, long shillings) {
        return payload("Buy Goods", transId, shillings, C2bProfile.TILL, "");
    }

    /** The documented payload, with the masked number and names Safaricom sends (which the service never keeps). */
    private String payload(String type, String transId, long shillings, String shortCode, String account) {
        return """
                {"TransactionType":"%s","TransID":"%s","TransTime":"%s","TransAmount":"%d.00",
                 "BusinessShortCode":"%s","BillRefNumber":"%s","InvoiceNumber":"","OrgAccountBalance":"49197.00",
                 "ThirdPartyTransID":"","MSISDN":"2547 ***** 126","FirstName":"John","MiddleName":"","LastName":"Doe"}
                """.formatted(type, transId, TRANS_TIME.format(clock.instant()), shillings, shortCode, account);
    }

    private static Response confirm(String body) {
        return given().contentType("application/json").body(body)
                .post("/payments/c2b/confirmation/" + DarajaWireMock.CALLBACK_TOKEN);
    }

    private static Response validate(String body) {
        return given().contentType("application/json").body(body)
                .post("/payments/c2b/validation/" + AcceptanceProfile.NEXT_STK_TOKEN);
    }

    private RequestSpecification api() {
        return given().header("Authorization", "Bearer " + AcceptanceProfile.ADMIN_KEY);
    }

    private long merchantNotices(String invoice) {
        return db.count("SELECT count(*) FROM outbox WHERE invoice_id = ? AND purpose = 'MERCHANT_NOTICE'", invoice);
    }

    private io.restassured.path.json.JsonPath invoiceJson(String invoice) {
        Response read = api().get("/invoices/" + invoice);
        assertThat(read.statusCode()).isEqualTo(200);
        return read.jsonPath();
    }

    private String createdAndSent(Msisdn customer, long shillings) {
        Response created = api().contentType("application/json").body("{\"msisdn\":\"" + customer.value()
                + "\",\"amount_cents\":" + shillings * 100 + ",\"description\":\"C2B test\"}").post("/invoices");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        chat.dispatch();
        String invoice = created.jsonPath().getString("id");
        assertThat(chat.status(invoice)).isEqualTo("SENT");
        return invoice;
    }
}
