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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import ke.invoiceiq.adapters.http.TestPayments;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.payment.UnmatchedPayment;
import org.junit.jupiter.api.Test;

/** {@code /payments/unmatched}: list, read and apply money that matched no attempt, and every refusal. */
@QuarkusTest
@TestProfile(ApiProfile.class)
class UnmatchedPaymentsTest {

    /** A number no invoice of these tests was sent to, so the money cannot be anybody's attempt. */
    private static final Msisdn STRANGER = new Msisdn("254798765432");

    @Inject
    InMemoryPorts ports;

    private UnmatchedPayment unmatched(long shillings) {
        return TestPayments.unmatched(ports, Optional.of(shillings), STRANGER);
    }

    private static Response apply(UnmatchedPayment payment, Invoice invoice) {
        return apply(payment.id().value(), "{\"invoice_id\":\"" + invoice.id() + "\"}", null);
    }

    private static Response apply(String id, String body, String key) {
        var request = Api.json(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/payments/unmatched/" + id + "/apply");
    }

    @Test
    void givenUnmatchedPayments_whenListed_thenNewestFirstWithThePayerMasked() {
        UnmatchedPayment older = unmatched(1_000);
        ports.clock().advance(Duration.ofSeconds(1));
        UnmatchedPayment newer = unmatched(700);

        Response response = api().get("/payments/unmatched?status=open&limit=100");
        JsonPath list = response.then().statusCode(200).contentType("application/json").extract().jsonPath();

        List<String> ids = list.getList("items.id", String.class);
        assertThat(ids).contains(newer.id().value(), older.id().value());
        assertThat(ids.indexOf(newer.id().value())).isLessThan(ids.indexOf(older.id().value()));
        assertThat(list.getList("items.status", String.class)).containsOnly("OPEN");
        assertThat(list.getList("items.payer", String.class)).containsOnly("2547****5432");
        // the full number never leaves the service through this API
        assertThat(response.asString()).doesNotContain(STRANGER.value());
        assertThat(api().get("/payments/unmatched?limit=1").jsonPath().getList("items")).hasSize(1);
    }

    @Test
    void givenAnUnmatchedPayment_whenRead_thenEveryField() {
        UnmatchedPayment payment = unmatched(1_000);

        JsonPath body = api().get("/payments/unmatched/" + payment.id()).then().statusCode(200).extract().jsonPath();

        assertThat(body.getString("id")).isEqualTo(payment.id().value());
        assertThat(body.getString("checkout_request_id")).isEqualTo(payment.checkoutRequestId().orElseThrow().value());
        assertThat(body.getString("merchant_request_id")).startsWith("mr-stray-");
        assertThat(body.getString("mpesa_receipt")).isEqualTo(payment.receipt().orElseThrow().value());
        assertThat(body.getLong("amount_cents")).isEqualTo(100_000L);
        assertThat(body.getString("amount_display")).isEqualTo("KES 1,000");
        assertThat(body.getString("payer")).isEqualTo("2547****5432");
        assertThat(body.getString("transaction_time")).isEqualTo(payment.transactionTime().orElseThrow().toString());
        assertThat(body.getString("received_at")).isEqualTo(payment.receivedAt().toString());
        assertThat(body.getString("status")).isEqualTo("OPEN");
        assertThat(body.getMap("")).containsEntry("applied_invoice_id", null).containsEntry("resolved_at", null);
    }

    @Test
    void givenAnOpenInvoice_whenPartOfItsAmountIsApplied_then200WithThePaymentAppliedAndTheBalanceLeft() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);
        UnmatchedPayment payment = unmatched(1_000);

        Response response = apply(payment, invoice);

        JsonPath body = response.then().statusCode(200).contentType("application/json").extract().jsonPath();
        assertThat(body.getString("unmatched_payment.status")).isEqualTo("APPLIED");
        assertThat(body.getString("unmatched_payment.applied_invoice_id")).isEqualTo(invoice.id().value());
        assertThat(body.getString("unmatched_payment.resolved_at")).isEqualTo(ports.clock().instant().toString());
        assertThat(body.getString("invoice.status")).isEqualTo("SENT");
        assertThat(body.getLong("invoice.amount_paid_cents")).isEqualTo(100_000L);
        assertThat(body.getLong("invoice.balance_cents")).isEqualTo(150_000L);
        assertThat(body.getList("invoice.mpesa_receipts", String.class))
                .containsExactly(payment.receipt().orElseThrow().value());
        assertThat(api().get("/payments/unmatched/" + payment.id()).jsonPath().getString("status"))
                .isEqualTo("APPLIED");
        assertThat(api().get("/payments/unmatched?status=APPLIED&limit=100").jsonPath()
                .getList("items.id", String.class)).contains(payment.id().value());
    }

    @Test
    void givenTheWholeAmount_whenApplied_thenTheInvoiceIsPaid() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);

        JsonPath body = apply(unmatched(2_500), invoice).then().statusCode(200).extract().jsonPath();

        assertThat(body.getString("invoice.status")).isEqualTo("PAID");
        assertThat(body.getLong("invoice.balance_cents")).isZero();
    }

    @Test
    void givenAnAppliedPayment_whenAppliedAgain_then409AndNothingCounted() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);
        Invoice other = Api.in(ports, InvoiceStatus.SENT);
        UnmatchedPayment payment = unmatched(1_000);
        apply(payment, invoice).then().statusCode(200);

        JsonPath problem = problem(apply(payment, other), 409, "unmatched-payment-applied");

        assertThat(problem.getString("detail")).contains(invoice.id().value());
        assertThat(Api.invoice(ports, other.id()).paid().isZero()).isTrue();
        assertThat(Api.invoice(ports, invoice.id()).paid().cents()).isEqualTo(100_000L);
    }

    @Test
    void givenItsReceiptIsRecordedOnAnInvoiceAlready_whenApplied_then409NamingThatInvoice() {
        Invoice paid = Api.in(ports, InvoiceStatus.PAID);
        Invoice other = Api.in(ports, InvoiceStatus.SENT);
        // M-PESA told the same money twice: once through the attempt, once under a name no attempt has
        UnmatchedPayment payment = TestPayments.unmatched(ports, Optional.of(2_500L), STRANGER,
                paid.receipt().orElseThrow());

        JsonPath problem = problem(apply(payment, other), 409, "payment-already-recorded");

        assertThat(problem.getString("detail")).contains(paid.id().value());
        assertThat(Api.invoice(ports, other.id()).paid().isZero()).isTrue();
        assertThat(ports.unmatchedPayments().find(payment.id()).orElseThrow().appliedTo()).contains(paid.id());
    }

    @Test
    void givenMpesaDidNotSayHowMuch_whenApplied_then422() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);
        UnmatchedPayment payment = TestPayments.unmatched(ports, Optional.empty(), STRANGER);

        problem(apply(payment, invoice), 422, "payment-amount-unknown");
        assertThat(api().get("/payments/unmatched/" + payment.id()).jsonPath().getString("amount_cents")).isNull();
    }

    @Test
    void givenAnUnknownPaymentOrInvoice_whenAppliedOrRead_then404WithTheirOwnTypes() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);
        UnmatchedPayment payment = unmatched(1_000);

        problem(apply("no-such-payment", "{\"invoice_id\":\"" + invoice.id() + "\"}", null), 404,
                "unmatched-payment-not-found");
        problem(api().get("/payments/unmatched/no-such-payment"), 404, "unmatched-payment-not-found");
        problem(apply(payment.id().value(), "{\"invoice_id\":\"INV-ZZZZZV\"}", null), 404, "invoice-not-found");
        assertThat(ports.unmatchedPayments().find(payment.id()).orElseThrow().isOpen()).isTrue();
    }

    @Test
    void givenABadIdBodyOrQuery_whenSent_then400NamingIt() {
        UnmatchedPayment payment = unmatched(1_000);

        fieldError(api().get("/payments/unmatched/has.dots"), "validation-error", "id", "format");
        fieldError(apply(payment.id().value(), "{}", null), "validation-error", "invoice_id", "required");
        fieldError(apply(payment.id().value(), "{\"invoice_id\":\"INV-7K3Q9X\",\"amount\":1}", null),
                "validation-error", "amount", "unknown_field");
        fieldError(apply(payment.id().value(), "{\"invoice_id\":\"nope\"}", null), "validation-error", "invoice_id",
                "format");
        fieldError(api().get("/payments/unmatched?status=LOST"), "validation-error", "status", "one_of");
        fieldError(api().get("/payments/unmatched?limit=101"), "validation-error", "limit", "max");
        fieldError(api().get("/payments/unmatched?limit=0"), "validation-error", "limit", "min");
        assertThat(ports.unmatchedPayments().find(payment.id()).orElseThrow().isOpen()).isTrue();
    }

    @Test
    void givenAKey_whenTheApplyIsRepeated_thenTheFirst200Again_andTheKeyForAnotherPaymentIs422() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);
        UnmatchedPayment payment = unmatched(1_000);
        UnmatchedPayment another = unmatched(500);
        String key = UUID.randomUUID().toString();
        String body = "{\"invoice_id\":\"" + invoice.id() + "\"}";

        Response first = apply(payment.id().value(), body, key);
        Response again = apply(payment.id().value(), body, key);

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        // the same key and body for another payment is another request: the id is part of the fingerprint
        problem(apply(another.id().value(), body, key), 422, "idempotency-key-reused");
        assertThat(ports.unmatchedPayments().find(another.id()).orElseThrow().isOpen()).isTrue();
        assertThat(Api.invoice(ports, invoice.id()).paid().cents()).isEqualTo(100_000L);
    }

    @Test
    void givenNoKey_whenRequested_then401() {
        io.restassured.RestAssured.given().get("/payments/unmatched").then().statusCode(401);
        io.restassured.RestAssured.given().contentType("application/json").body("{}")
                .post("/payments/unmatched/x/apply").then().statusCode(401);
    }
}
