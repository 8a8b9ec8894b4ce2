package ke.invoiceiq.bootstrap.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.postStkCallback;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.receipt;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.stkSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import ke.invoiceiq.application.payment.ReconcilePaymentsUseCase;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.api.Test;

/**
 * The operator's admin actions (docs/RUNBOOK.md §7–§8), each through the real REST API into the running service on
 * the real PostgreSQL, and the audit trail every one of them leaves in {@code admin_audit}, read back through
 * {@code GET /admin/audit}. Shares {@link AcceptanceProfile} with {@link RestAcceptanceTest}, so both run in one
 * application.
 */
@QuarkusTest
@TestProfile(AcceptanceProfile.class)
@WithTestResource(GraphApiWireMock.class)
@WithTestResource(DarajaWireMock.class)
@WithTestResource(AfricasTalkingWireMock.class)
class AdminActionsAcceptanceTest extends AcceptanceBase {

    @Inject
    ReconcilePaymentsUseCase reconciler;

    @Test
    void givenRemindAndCancel_whenDoneOverRest_thenEachIsAuditedWithTheKeysFingerprint() {
        String invoice = createdAndSent(Customers.fresh(), 900, "Audited errand");

        assertThat(api().post("/invoices/" + invoice + "/remind").statusCode()).isEqualTo(202);
        assertThat(api().post("/invoices/" + invoice + "/cancel").statusCode()).isEqualTo(200);
        assertThat(api().post("/invoices/" + invoice + "/cancel").statusCode()).isEqualTo(200);
        assertThat(api().post("/invoices/" + invoice + "/remind").statusCode()).isEqualTo(409);
        assertThat(given().header("Authorization", "Bearer wrong-key").post("/invoices/" + invoice + "/cancel")
                .statusCode()).as("a refused key is no admin action").isEqualTo(401);

        assertThat(audited(invoice)).containsExactly(
                "REMIND_INVOICE 409 invoice-cancelled",
                "CANCEL_INVOICE 200 already_cancelled",
                "CANCEL_INVOICE 200 cancelled",
                "REMIND_INVOICE 202 reminded");
        assertThat(db.column("SELECT DISTINCT key_fingerprint FROM admin_audit WHERE target = ?", invoice))
                .containsExactly(fingerprint(AcceptanceProfile.ADMIN_KEY));
        assertThat(db.column("SELECT action || ' ' || outcome FROM admin_audit WHERE target = ? ORDER BY at DESC",
                invoice)).containsExactlyElementsOf(audited(invoice));
    }

    @Test
    void givenAnUnmatchedPayment_whenAppliedOverRest_thenTheApplicationAndTheRefusedRepeatAreAudited() {
        Msisdn stranger = Customers.fresh();
        String neverSeen = "ws_CO_audit" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        postStkCallback(DarajaWireMock.CALLBACK_TOKEN, stkSuccess(neverSeen, "450", receipt(), stranger));
        clock.advance(Duration.ofSeconds(61));
        reconciler.reconcile();
        String id = db.column("SELECT id FROM unmatched_payments WHERE checkout_request_id = ?", neverSeen).getFirst();
        String invoice = createdAndSent(stranger, 450, "Audited apply");

        assertThat(apply(id, invoice).statusCode()).isEqualTo(200);
        assertThat(apply(id, invoice).statusCode()).isEqualTo(409);

        assertThat(audited(id)).containsExactly(
                "APPLY_UNMATCHED_PAYMENT 409 unmatched-payment-applied",
                "APPLY_UNMATCHED_PAYMENT 200");
    }

    @Test
    void givenCashReceived_whenTheInvoiceIsMarkedPaidOverRest_thenItIsPaidTheCustomerGetsAReceiptAndItIsAudited() {
        Msisdn customer = Customers.fresh();
        String invoice = createdAndSent(customer, 1200, "Cash errand");

        Response marked = markPaid(invoice, "{\"method\":\"cash\",\"note\":\"Cash at the shop, counted by Wanjiru\"}");

        assertThat(marked.statusCode()).as(marked.asString()).isEqualTo(200);
        assertThat(marked.jsonPath().getString("result")).isEqualTo("marked_paid");
        assertThat(marked.jsonPath().getBoolean("customer_notified")).isTrue();
        assertThat(marked.jsonPath().getString("invoice.status")).isEqualTo("PAID");
        assertThat(marked.jsonPath().getList("invoice.paid_outside.method")).containsExactly("CASH");
        assertThat(marked.jsonPath().getList("invoice.paid_outside.amount_cents")).containsExactly(120_000);
        assertThat(marked.jsonPath().getLong("invoice.balance_cents")).isZero();
        assertThat(db.column("SELECT i.status || ' ' || o.method || ' ' || o.amount_cents || ' ' || o.note"
                + " FROM invoices i JOIN outside_payments o ON o.invoice_id = i.id WHERE i.id = ?", invoice))
                .containsExactly("PAID CASH 120000 Cash at the shop, counted by Wanjiru");
        chat.dispatch();
        assertThat(chat.lastWhatsAppTo(customer).text()).contains(invoice).contains("The merchant received KES 1,200 (cash).");

        assertThat(markPaid(invoice, "{\"method\":\"CASH\",\"note\":\"Again\"}").jsonPath().getString("type"))
                .endsWith("/invoice-already-paid");
        assertThat(markPaid(invoice, "{\"method\":\"CHEQUE\",\"note\":\"x\"}").statusCode()).isEqualTo(400);
        String cancelled = createdAndSent(Customers.fresh(), 300, "Called off");
        assertThat(api().post("/invoices/" + cancelled + "/cancel").statusCode()).isEqualTo(200);
        Response refused = markPaid(cancelled, "{\"method\":\"BANK_TRANSFER\",\"note\":\"Equity ref 88231\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("type")).endsWith("/invoice-cancelled");
        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", cancelled)).containsExactly("CANCELLED");

        assertThat(audited(invoice)).containsExactly(
                "MARK_INVOICE_PAID 400 validation-error",
                "MARK_INVOICE_PAID 409 invoice-already-paid",
                "MARK_INVOICE_PAID 200 marked_paid");
        assertThat(audited(cancelled)).first().isEqualTo("MARK_INVOICE_PAID 409 invoice-cancelled");
        assertThat(db.count("SELECT count(*) FROM admin_audit WHERE outcome LIKE '%Wanjiru%' OR target LIKE '%Cash%'"))
                .as("the note never reaches the audit trail").isZero();
    }

    @Test
    void givenFailedMessages_whenRetriedAndAbandonedOverRest_thenOneIsSentAgainTheOtherGivenUpAndBothAudited() {
        Msisdn customer = Customers.fresh();
        String invoice = createdAndSent(customer, 700, "Resent errand");
        String message = failed(invoice, "INVOICE");
        String other = failed(createdAndSent(Customers.fresh(), 800, "Given up errand"), "INVOICE");
        int sentBefore = whatsAppSends();

        Response retried = api().post("/admin/outbox/" + message + "/retry");
        Response abandoned = api().post("/admin/outbox/" + other + "/abandon");

        assertThat(retried.statusCode()).as(retried.asString()).isEqualTo(200);
        assertThat(retried.jsonPath().getString("message.status")).isEqualTo("PENDING");
        assertThat(abandoned.statusCode()).as(abandoned.asString()).isEqualTo(200);
        assertThat(db.column("SELECT status || ' ' || attempts FROM outbox WHERE id = ?", other))
                .containsExactly("ABANDONED 5");
        chat.dispatch();
        assertThat(db.column("SELECT status FROM outbox WHERE id = ?", message)).containsExactly("SENT");
        assertThat(whatsAppSends()).as("the retried message went out again, the abandoned one did not")
                .isEqualTo(sentBefore + 1);
        assertThat(db.column("SELECT status FROM outbox WHERE id = ?", other)).containsExactly("ABANDONED");
        assertThat(api().post("/admin/outbox/" + other + "/retry").jsonPath().getString("type"))
                .endsWith("/outbox-message-not-failed");

        assertThat(audited(message)).containsExactly("RETRY_OUTBOX_MESSAGE 200 retried");
        assertThat(audited(other)).containsExactly("RETRY_OUTBOX_MESSAGE 409 outbox-message-not-failed",
                "ABANDON_OUTBOX_MESSAGE 200 abandoned");
    }

    @Test
    void givenAnOpenStkAttempt_whenRequeriedOverRest_thenMpesasAnswerIsAppliedAtOnceAndAudited() {
        String invoice = createdAndSent(Customers.fresh(), 650, "Queried errand");
        Response started = api().contentType("application/json").header("Idempotency-Key", "requery-" + invoice)
                .body("{\"invoice_id\":\"" + invoice + "\"}").post("/payments/stk/initiate");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(202);
        String payment = started.jsonPath().getString("id");
        String checkout = started.jsonPath().getString("checkout_request_id");

        Response pending = api().post("/admin/payments/" + payment + "/requery");
        assertThat(pending.statusCode()).as(pending.asString()).isEqualTo(200);
        assertThat(pending.jsonPath().getString("result")).as("Daraja's default: still being processed")
                .isEqualTo("pending");
        daraja.stubFor(post(urlPathEqualTo(DarajaWireMock.QUERY_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.CheckoutRequestID", equalTo(checkout)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"ResponseCode":"0","ResponseDescription":"The service request has been accepted successfully",
                         "MerchantRequestID":"22205-34066-1","CheckoutRequestID":"%s",
                         "ResultCode":"0","ResultDesc":"The service request is processed successfully."}"""
                        .formatted(checkout))));
        Response settled = api().post("/admin/payments/" + payment + "/requery");

        assertThat(settled.statusCode()).as(settled.asString()).isEqualTo(200);
        assertThat(settled.jsonPath().getString("result")).isEqualTo("settled");
        assertThat(db.column("SELECT status FROM payments WHERE id = ?", payment)).containsExactly("SUCCESS");
        assertThat(chat.status(invoice)).isEqualTo("PAID");
        assertThat(api().post("/admin/payments/" + payment + "/requery").jsonPath().getString("type"))
                .endsWith("/payment-not-queryable");
        assertThat(audited(payment)).containsExactly("REQUERY_PAYMENT 409 payment-not-queryable",
                "REQUERY_PAYMENT 200 settled", "REQUERY_PAYMENT 200 pending");
    }

    @Test
    void givenInvoicesOfARange_whenExportedOverRest_thenTheyStreamAsRfc4180CsvWithFormulasDisarmedAndItIsAudited() {
        java.time.Instant now = clock.instant();
        String from = now.minusSeconds(3_600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String to = now.plusSeconds(3_600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        Msisdn customer = Customers.fresh();
        String plain = createdAndSent(customer, 1500, "Paint, two coats");
        String formula = createdAndSent(Customers.fresh(), 800, "=HYPERLINK(1)");
        assertThat(markPaid(plain, "{\"method\":\"CASH\",\"note\":\"Cash at the shop\"}").statusCode())
                .isEqualTo(200);

        Response csv = api().queryParam("from", from).queryParam("to", to).get("/admin/export/invoices.csv");

        assertThat(csv.statusCode()).as(csv.asString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"invoices-");
        String body = csv.asString();
        assertThat(body).startsWith("invoice_id,created_at,status,customer_msisdn,customer_name,description,"
                + "currency,amount,paid_mpesa,paid_outside,paid_outside_method,balance,mpesa_receipts,sent_at,paid_at,"
                + "cancelled_at\r\n");
        assertThat(body).endsWith("\r\n");
        String plainRow = java.util.Arrays.stream(body.split("\r\n")).filter(l -> l.startsWith(plain + ","))
                .findFirst().orElseThrow();
        assertThat(plainRow).contains(",PAID," + customer.value() + ",,\"Paint, two coats\",KES,1500.00,0.00,"
                + "1500.00,CASH,0.00,,");
        assertThat(body).contains(formula + ",").contains(",'=HYPERLINK(1),KES,800.00,");
        assertThat(api().queryParam("from", "2025-01-01").queryParam("to", "2026-01-03")
                .get("/admin/export/invoices.csv").jsonPath().getString("errors[0].rule")).isEqualTo("max");

        assertThat(audited(from + "/" + to)).containsExactly("EXPORT_INVOICES 200");
    }

    @Test
    void givenAnInvoiceOfAnEarlierRangePaidInThisOne_whenPaymentsAreExportedOverRest_thenItsMoneyIsThereAndAudited() {
        Msisdn customer = Customers.fresh();
        String earlier = createdAndSent(customer, 1200, "Paid a day later");
        clock.advance(Duration.ofDays(1));
        java.time.Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String from = now.minusSeconds(3_600).toString();
        String to = now.plusSeconds(3_600).toString();
        Response started = api().contentType("application/json").header("Idempotency-Key", "export-" + earlier)
                .body("{\"invoice_id\":\"" + earlier + "\"}").post("/payments/stk/initiate");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(202);
        String paidWith = receipt();
        postStkCallback(DarajaWireMock.CALLBACK_TOKEN,
                stkSuccess(started.jsonPath().getString("checkout_request_id"), "1200", paidWith, customer, now));
        assertThat(chat.status(earlier)).isEqualTo("PAID");
        String cash = createdAndSent(Customers.fresh(), 800, "Paid in cash");
        assertThat(markPaid(cash, "{\"method\":\"CASH\",\"note\":\"=Cash at the shop\"}").statusCode())
                .isEqualTo(200);
        String neverSeen = "ws_CO_export" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        String strayReceipt = receipt();
        Msisdn stranger = Customers.fresh();
        postStkCallback(DarajaWireMock.CALLBACK_TOKEN, stkSuccess(neverSeen, "450", strayReceipt, stranger, now));
        clock.advance(Duration.ofSeconds(61));
        reconciler.reconcile();

        Response csv = api().queryParam("from", from).queryParam("to", to).get("/admin/export/payments.csv");

        assertThat(csv.statusCode()).as(csv.asString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"payments-");
        String body = csv.asString();
        assertThat(body).startsWith("received_at,source,invoice_id,currency,amount,mpesa_receipt,payer_msisdn,"
                + "paid_outside_method\r\n").endsWith("\r\n");
        assertThat(body).contains("\r\n" + now + ",MPESA," + earlier + ",KES,1200.00," + paidWith + ","
                + customer.value() + ",\r\n");
        assertThat(body).contains(",OUTSIDE," + cash + ",KES,800.00,,,CASH\r\n");
        assertThat(body).contains("\r\n" + now + ",MPESA_UNMATCHED,,KES,450.00," + strayReceipt + ","
                + stranger.value() + ",\r\n");
        assertThat(body).as("the note is not exported").doesNotContain("Cash at the shop");
        assertThat(api().queryParam("from", from).queryParam("to", to).get("/admin/export/invoices.csv").asString())
                .as("the invoices export lists the invoice of its creation range only").doesNotContain(earlier)
                .contains(cash);
        Response backwards = api().queryParam("from", to).queryParam("to", from).get("/admin/export/payments.csv");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.contentType()).startsWith("application/problem+json");
        assertThat(backwards.jsonPath().getString("errors[0].rule")).isEqualTo("min");

        assertThat(audited(from + "/" + to)).containsExactlyInAnyOrder("EXPORT_PAYMENTS 200", "EXPORT_INVOICES 200");
        assertThat(audited(to + "/" + from)).containsExactly("EXPORT_PAYMENTS 400 validation-error");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    static RequestSpecification api() {
        return given().header("Authorization", "Bearer " + AcceptanceProfile.ADMIN_KEY);
    }

    /** The audit trail of one target, newest first, as {@code GET /admin/audit} lists it: "ACTION outcome". */
    static List<String> audited(String target) {
        List<Map<String, String>> items = api().queryParam("limit", 100).get("/admin/audit").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(e -> target.equals(e.get("target")))
                .map(e -> e.get("action") + " " + e.get("outcome")).toList();
    }

    static String fingerprint(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private int whatsAppSends() {
        return graph.findAll(postRequestedFor(urlPathEqualTo(GraphApiWireMock.MESSAGES_PATH))).size();
    }

    /** The invoice's message of {@code purpose}, made FAILED as the dispatcher leaves it after its last try. */
    private String failed(String invoice, String purpose) {
        return db.column("UPDATE outbox SET status = 'FAILED', attempts = 5, claim_token = NULL, last_error = 'test'"
                + " WHERE invoice_id = ? AND purpose = ? RETURNING id", invoice, purpose).getFirst();
    }

    private static Response markPaid(String invoice, String body) {
        return api().contentType("application/json").body(body).post("/invoices/" + invoice + "/mark-paid");
    }

    private static Response apply(String unmatched, String invoice) {
        return api().contentType("application/json").body("{\"invoice_id\":\"" + invoice + "\"}")
                .post("/payments/unmatched/" + unmatched + "/apply");
    }

    /** An invoice created by REST and delivered on WhatsApp; its id. */
    private String createdAndSent(Msisdn customer, int shillings, String description) {
        Response created = api().contentType("application/json")
                .body("{\"msisdn\":\"" + customer.value() + "\",\"amount\":" + shillings + ",\"description\":\""
                        + description + "\"}")
                .post("/invoices");
        assertThat(created.statusCode()).isEqualTo(201);
        chat.dispatch();
        String id = created.jsonPath().getString("id");
        assertThat(chat.status(id)).isEqualTo("SENT");
        return id;
    }
}
