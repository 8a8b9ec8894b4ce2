package ke.invoiceiq.bootstrap.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.merchantRequestId;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.postStkCallback;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.receipt;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.stkFailure;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.stkSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import ke.invoiceiq.application.payment.ReconcilePaymentsService;
import ke.invoiceiq.application.payment.ReconcilePaymentsUseCase;
import ke.invoiceiq.application.payment.RecordPaymentResultUseCase;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.bootstrap.testing.FailingInvoiceStore;
import ke.invoiceiq.bootstrap.testing.Scrape;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.PaymentGateway;
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.PaymentResultInbox;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Tracing;
import ke.invoiceiq.domain.shared.Transactions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Money you can trust (issue 14): the ways Daraja really behaves — a 5xx or a time-out while the prompt still went
 * out, a crash before the push's ids are stored, callbacks that disagree or arrive for ids we never saw, part
 * payments, two replicas — each played through the real endpoints (the merchant REST API for taps, the STK callback
 * for M-PESA's answers) on the real PostgreSQL, with WireMock as Daraja at the production time-outs. Each test names
 * the finding of the issue it proves fixed.
 */
@QuarkusTest
@TestProfile(PaymentTrustProfile.class)
@WithTestResource(GraphApiWireMock.class)
@WithTestResource(DarajaWireMock.class)
@WithTestResource(AfricasTalkingWireMock.class)
class PaymentTrustTest extends AcceptanceBase {

    @Inject
    ReconcilePaymentsUseCase reconciler;

    @Inject
    InvoiceRepository invoices;

    @Inject
    Transactions transactions;

    // what a second replica is built from: the same beans, the same database
    @Inject
    PaymentRepository payments;

    @Inject
    PaymentResultInbox inbox;

    @Inject
    PaymentGateway gateway;

    @Inject
    RecordPaymentResultUseCase results;

    @Inject
    Outbox outbox;

    @Inject
    IdGenerator ids;

    @Inject
    DomainEvents events;

    @Inject
    MerchantSettings merchant;

    @Inject
    PaymentSettings settings;

    @Inject
    Tracing tracing;

    @AfterEach
    void disarm() {
        FailingInvoiceStore.disarm();
    }

    /** Finding 1: a Daraja 5xx on the push may still have raised the prompt. */
    @Test
    void givenAPushAnswered500_whenItsCallbackArrivesUnderAnIdWeNeverSaw_thenPaidAndATapInBetweenRaisesNoSecondPush() {
        Msisdn customer = Customers.fresh();
        String invoice = createdAndSent(customer, 2_500);
        pushAnswers(customer, aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody("""
                {"requestId":"e2e-500","errorCode":"500.003.1001","errorMessage":"Internal Server Error"}"""));

        Response first = tap(invoice);
        Response second = tap(invoice);

        assertThat(first.statusCode()).as("the attempt is in flight, not failed").isEqualTo(202);
        assertThat(first.jsonPath().getString("status")).isEqualTo("INITIATED");
        assertThat(first.jsonPath().getString("checkout_request_id")).isNull();
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.jsonPath().getString("type")).endsWith("payment-in-flight");
        assertThat(chat.pushesFor(customer)).as("no second prompt while the outcome is unknown").isEqualTo(1);

        String neverSeen = "ws_CO_" + ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_999_999_999_999L);
        String receipt = receipt();
        assertThat(postStkCallback(DarajaWireMock.CALLBACK_TOKEN, stkSuccess(neverSeen, "2500", receipt, customer)))
                .isEqualTo(200);

        assertThat(chat.status(invoice)).isEqualTo("PAID");
        assertThat(db.column("SELECT status || ' ' || checkout_request_id || ' ' || mpesa_receipt FROM payments"
                + " WHERE invoice_id = ?", invoice)).containsExactly("SUCCESS " + neverSeen + " " + receipt);
        assertThat(outbox(invoice, "RECEIPT")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM unmatched_payments WHERE checkout_request_id = ?", neverSeen))
                .isZero();
    }

    /** Finding 1: a push that times out (Daraja's production time-out) is in flight, and its callback pays once. */
    @Test
    void givenAPushThatTimesOut_whenItsCallbackArrivesTwice_thenPaidOnce() {
        Msisdn customer = Customers.fresh();
        String invoice = createdAndSent(customer, 1_300);
        String checkout = "ws_CO_slow" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        // longer than the push's 20 s time-out: the prompt went out, the answer never reaches us
        pushAnswers(customer, accepted(checkout).withFixedDelay(21_000));

        Response tap = tap(invoice);

        assertThat(tap.statusCode()).isEqualTo(202);
        assertThat(chat.paymentStatuses(invoice)).containsExactly("INITIATED");
        String callback = stkSuccess(checkout, "1300", receipt(), customer);
        assertThat(postStkCallback(DarajaWireMock.CALLBACK_TOKEN, callback)).isEqualTo(200);
        assertThat(postStkCallback(DarajaWireMock.CALLBACK_TOKEN, callback)).isEqualTo(200);

        assertThat(chat.status(invoice)).isEqualTo("PAID");
        assertThat(chat.paymentStatuses(invoice)).containsExactly("SUCCESS");
        assertThat(outbox(invoice, "RECEIPT")).isEqualTo(1);
        assertThat(chat.pushesFor(customer)).isEqualTo(1);
    }

    /** Finding 1: the service dies between the push and storing its ids (the store fails): the callback still pays. */
    @Test
    void givenACrashBetweenThePushAndStoringItsIds_whenTheCallbackArrives_thenPaidOnce() {
        Msisdn customer = Customers.fresh();
        String invoice = createdAndSent(customer, 1_700);
        String checkout = "ws_CO_lost" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        pushAnswers(customer, accepted(checkout));
        FailingInvoiceStore.failNextNaming();

        Response tap = tap(invoice);

        assertThat(tap.statusCode()).isEqualTo(202);
        assertThat(db.column("SELECT status || ' ' || coalesce(checkout_request_id, '-') FROM payments"
                + " WHERE invoice_id = ?", invoice)).as("the ids were never stored").containsExactly("INITIATED -");
        assertThat(tap(invoice).statusCode()).as("still in flight: no second push").isEqualTo(409);

        assertThat(postStkCallback(DarajaWireMock.CALLBACK_TOKEN, stkSuccess(checkout, "1700", receipt(), customer)))
                .isEqualTo(200);

        assertThat(chat.status(invoice)).isEqualTo("PAID");
        assertThat(db.column("SELECT checkout_request_id FROM payments WHERE invoice_id = ?", invoice))
                .containsExactly(checkout);
        assertThat(outbox(invoice, "RECEIPT")).isEqualTo(1);
        assertThat(chat.pushesFor(customer)).isEqualTo(1);
    }

    /** Finding 3: a failure, then a success for the same CheckoutRequestID: late money wins; both are kept. */
    @Test
    void givenA1037ThenASuccessForOneCheckoutRequestId_whenBothArrive_thenPaid() {
        Msisdn customer = Customers.fresh();
        String invoice = createdAndSent(customer, 800);
        String checkout = checkoutOf(tap(invoice));

        postStkCallback(DarajaWireMock.CALLBACK_TOKEN, stkFailure(checkout, 1037, "DS timeout user cannot be reached"));
        assertThat(chat.paymentStatuses(invoice)).containsExactly("FAILED");
        postStkCallback(DarajaWireMock.CALLBACK_TOKEN, stkSuccess(checkout, "800", receipt(), customer));

        assertThat(chat.status(invoice)).isEqualTo("PAID");
        assertThat(chat.paymentStatuses(invoice)).containsExactly("SUCCESS");
        assertThat(db.count("SELECT count(*) FROM stk_callbacks WHERE checkout_request_id = ?", checkout))
                .as("both callbacks are kept").isEqualTo(2);
        assertThat(outbox(invoice, "RECEIPT")).isEqualTo(1);
    }

    /** Finding 3: a success, then a failure for the same CheckoutRequestID: the failure changes nothing. */
    @Test
    void givenASuccessThenA1037ForOneCheckoutRequestId_whenBothArrive_thenStillPaid() {
        Msisdn customer = Customers.fresh();
        String invoice = createdAndSent(customer, 900);
        String checkout = checkoutOf(tap(invoice));

        postStkCallback(DarajaWireMock.CALLBACK_TOKEN, stkSuccess(checkout, "900", receipt(), customer));
        postStkCallback(DarajaWireMock.CALLBACK_TOKEN, stkFailure(checkout, 1037, "DS timeout user cannot be reached"));

        assertThat(chat.status(invoice)).isEqualTo("PAID");
        assertThat(chat.paymentStatuses(invoice)).containsExactly("SUCCESS");
        assertThat(outbox(invoice, "PAYMENT_FAILED")).isZero();
    }

    /** Finding 4: less than due is a part payment; the next tap pushes the balance; then PAID with both receipts. */
    @Test
    void givenAnUnderpayment_whenTheCustomerTapsAgain_thenTheBalanceIsPushedAndTheInvoiceEndsPaidWithBothReceipts() {
        Msisdn customer = Customers.fresh();
        String invoice = createdAndSent(customer, 2_500);
        String first = checkoutOf(tap(invoice));
        String firstReceipt = receipt();

        postStkCallback(DarajaWireMock.CALLBACK_TOKEN, stkSuccess(first, "1000.00", firstReceipt, customer));

        assertThat(chat.status(invoice)).isEqualTo("SENT");
        Response partly = api().get("/invoices/" + invoice);
        assertThat(partly.jsonPath().getLong("amount_paid_cents")).isEqualTo(100_000);
        assertThat(partly.jsonPath().getLong("balance_cents")).isEqualTo(150_000);
        assertThat(outbox(invoice, "RECEIPT")).as("the customer is told what is received and outstanding")
                .isEqualTo(1);

        Response again = tap(invoice);
        assertThat(again.statusCode()).as("not 'already paid'").isEqualTo(202);
        assertThat(daraja.findAll(postRequestedFor(urlPathEqualTo(DarajaWireMock.PUSH_PATH))
                .withRequestBody(matchingJsonPath("$.PhoneNumber", equalTo(customer.value()))))
                .getLast().getBodyAsString()).contains("\"Amount\":1500");
        String secondReceipt = receipt();
        postStkCallback(DarajaWireMock.CALLBACK_TOKEN,
                stkSuccess(again.jsonPath().getString("checkout_request_id"), "1500", secondReceipt, customer));

        assertThat(chat.status(invoice)).isEqualTo("PAID");
        Response paid = api().get("/invoices/" + invoice);
        assertThat(paid.jsonPath().getLong("amount_paid_cents")).isEqualTo(250_000);
        assertThat(paid.jsonPath().getLong("balance_cents")).isZero();
        assertThat(paid.jsonPath().getList("mpesa_receipts")).containsExactly(firstReceipt, secondReceipt);
    }

    /** Finding 5: a refusal on the spot (payer busy) leaves no cooldown: the customer taps again at once. */
    @Test
    void givenAPushRefusedOnTheSpotAsBusy_whenTheCustomerTapsAgainAtOnce_thenASecondPushGoesOut() {
        Msisdn customer = Customers.fresh();
        String invoice = createdAndSent(customer, 600);
        pushAnswers(customer, aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody("""
                {"requestId":"e2e-busy","errorCode":"500.001.1001",
                 "errorMessage":"Unable to lock subscriber, a transaction is already in process for the current subscriber"}"""));

        assertThat(tap(invoice).statusCode()).isEqualTo(409);
        daraja.resetAll();
        DarajaWireMock.defaults(daraja);
        Response again = tap(invoice);

        assertThat(again.statusCode()).as("no cooldown after a refusal on the spot").isEqualTo(202);
        assertThat(again.jsonPath().getString("checkout_request_id")).isNotNull();
        assertThat(chat.pushesFor(customer)).isEqualTo(1);
        assertThat(chat.paymentStatuses(invoice)).containsExactly("FAILED", "INITIATED");
    }

    /** Finding 6: paid by query (no receipt), then the callback brings the receipt to the invoice. */
    @Test
    void givenAnInvoicePaidByQuery_whenTheCallbackArrivesLater_thenTheReceiptReachesTheInvoice() {
        Msisdn customer = Customers.fresh();
        String invoice = createdAndSent(customer, 1_100);
        String checkout = checkoutOf(tap(invoice));
        daraja.stubFor(post(urlPathEqualTo(DarajaWireMock.QUERY_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.CheckoutRequestID", equalTo(checkout)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"ResponseCode":"0","ResponseDescription":"The service request has been accepted successfully",
                         "MerchantRequestID":"22205-34066-1","CheckoutRequestID":"%s",
                         "ResultCode":"0","ResultDesc":"The service request is processed successfully."}"""
                        .formatted(checkout))));
        clock.advance(Duration.ofSeconds(61));
        reconciler.reconcile();
        assertThat(chat.status(invoice)).isEqualTo("PAID");
        assertThat(db.column("SELECT mpesa_receipt FROM invoices WHERE id = ?", invoice)).containsExactly((String) null);

        String receipt = receipt();
        postStkCallback(DarajaWireMock.CALLBACK_TOKEN, stkSuccess(checkout, "1100", receipt, customer));

        assertThat(db.column("SELECT mpesa_receipt FROM invoices WHERE id = ?", invoice)).containsExactly(receipt);
        assertThat(api().get("/invoices/" + invoice).jsonPath().getString("mpesa_receipt")).isEqualTo(receipt);
        chat.says(Conversation.MERCHANT, "status " + invoice);
        chat.dispatch();
        assertThat(chat.lastWhatsAppTo(Conversation.MERCHANT).text()).contains(receipt);
        assertThat(outbox(invoice, "RECEIPT")).as("the payment was told once, when it was settled").isEqualTo(1);
    }

    /**
     * Finding 7: the attempt has the invoice's version. A writer holding a stale copy (a push answer that stalled
     * while the reconciler gave the attempt up) cannot overwrite it; it reads again and only records the ids.
     */
    @Test
    void givenAStaleCopyOfAnAttempt_whenItIsWrittenAfterTheReconcilerGaveItUp_thenTheWriteIsRefused() {
        Msisdn customer = Customers.fresh();
        String invoice = createdAndSent(customer, 700);
        pushAnswers(customer, aResponse().withStatus(503).withBody("down"));
        tap(invoice);
        Invoice stale = transactions.inTransaction(() -> invoices.find(new InvoiceId(invoice))).orElseThrow();

        clock.advance(Duration.ofMinutes(6));
        reconciler.reconcile();
        assertThat(chat.paymentStatuses(invoice)).containsExactly("EXPIRED");

        Invoice stalled = stale.pushAccepted(stale.payments().getFirst().id(), new MerchantRequestId("29115-stale-1"),
                new CheckoutRequestId("ws_CO_stale" + UUID.randomUUID()), clock.instant());
        assertThatThrownBy(() -> transactions.inTransaction(() -> invoices.update(stalled)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(chat.paymentStatuses(invoice)).containsExactly("EXPIRED");
        assertThat(db.count("SELECT count(*) FROM outbox WHERE invoice_id = ? AND purpose = 'MERCHANT_NOTICE'"
                + " AND content::text LIKE '%never told us%'", invoice)).as("the merchant hears the outcome is unknown")
                .isEqualTo(1);
    }

    /** Finding 8: two reconcilers on one database, one due attempt: exactly one STK query reaches Daraja. */
    @Test
    void givenTwoReconcilersOnOneDatabase_whenBothRunAtOnce_thenTheDueAttemptIsQueriedOnce() throws Exception {
        Msisdn customer = Customers.fresh();
        String invoice = createdAndSent(customer, 1_400);
        String checkout = checkoutOf(tap(invoice));
        // each query takes a while, so the two runs are surely at work at the same time
        daraja.stubFor(post(urlPathEqualTo(DarajaWireMock.QUERY_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.CheckoutRequestID", equalTo(checkout)))
                .willReturn(DarajaWireMock.beingProcessed().withFixedDelay(1_500)));
        // built by hand, not taken from Core, on purpose: a second replica is a second instance over the same ports
        ReconcilePaymentsService otherReplica = new ReconcilePaymentsService(payments, invoices, inbox, gateway,
                results, outbox, transactions, ids, clock, events, merchant, settings, tracing);
        clock.advance(Duration.ofSeconds(61));

        var one = CompletableFuture.supplyAsync(reconciler::reconcile);
        var two = CompletableFuture.supplyAsync(otherReplica::reconcile);
        one.get(60, TimeUnit.SECONDS);
        two.get(60, TimeUnit.SECONDS);

        assertThat(daraja.findAll(postRequestedFor(urlPathEqualTo(DarajaWireMock.QUERY_PATH))
                .withRequestBody(matchingJsonPath("$.CheckoutRequestID", equalTo(checkout))))).hasSize(1);
        assertThat(chat.paymentStatuses(invoice)).containsExactly("INITIATED");
    }

    /** Finding 9: POST /invoices with an Idempotency-Key sends the customer one invoice, however often retried. */
    @Test
    void givenTheSameIdempotencyKeyOnPostInvoices_whenRetried_thenTheFirstAnswerAndOneInvoice() {
        Msisdn customer = Customers.fresh();
        String key = "create-" + UUID.randomUUID();
        String body = invoiceBody(customer, 4_200);

        Response first = api().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/invoices");
        Response again = api().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/invoices");
        Response other = api().contentType("application/json").header("Idempotency-Key", key)
                .body(invoiceBody(customer, 4_300)).post("/invoices");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(other.statusCode()).as("the same key with another body").isEqualTo(422);
        assertThat(chat.invoicesOf(customer)).containsExactly(first.jsonPath().getString("id"));
    }

    /** Finding 9: STK initiate binds its key at first use; a replay after the invoice was paid is the first answer. */
    @Test
    void givenTheSameIdempotencyKeyOnStkInitiate_whenReplayedAfterThePaymentAndAfterARefusal_thenTheFirstAnswers() {
        Msisdn customer = Customers.fresh();
        String invoice = createdAndSent(customer, 1_250);
        String key = "pay-" + UUID.randomUUID();
        String refusedKey = "pay-" + UUID.randomUUID();

        Response first = initiate(key, invoice);
        Response refused = initiate(refusedKey, invoice);
        postStkCallback(DarajaWireMock.CALLBACK_TOKEN,
                stkSuccess(first.jsonPath().getString("checkout_request_id"), "1250", receipt(), customer));
        assertThat(chat.status(invoice)).isEqualTo("PAID");
        Response replay = initiate(key, invoice);
        Response refusedReplay = initiate(refusedKey, invoice);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(replay.asString()).isEqualTo(first.asString());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(refused.statusCode()).as("a prompt was open").isEqualTo(409);
        assertThat(refusedReplay.statusCode()).as("bound at first use, whatever the answer").isEqualTo(409);
        assertThat(refusedReplay.asString()).isEqualTo(refused.asString());
        assertThat(chat.pushesFor(customer)).isEqualTo(1);
    }

    /** Finding 10: every callback body is kept as it arrived, with the time it arrived. */
    @Test
    void givenACallback_whenPosted_thenItsRawBodyIsKeptWithTheTimeItArrived() {
        Msisdn customer = Customers.fresh();
        String invoice = createdAndSent(customer, 450);
        String checkout = checkoutOf(tap(invoice));
        String body = stkSuccess(checkout, "450", receipt(), customer);

        postStkCallback(DarajaWireMock.CALLBACK_TOKEN, body);

        assertThat(db.column("SELECT raw_body FROM stk_callbacks WHERE checkout_request_id = ?", checkout))
                .containsExactly(body);
        assertThat(db.column("SELECT received_at IS NOT NULL FROM stk_callbacks WHERE checkout_request_id = ?",
                checkout)).containsExactly("t");
    }

    /**
     * Finding 2: money that matches nothing is raised after the grace for early callbacks: stored, counted, the
     * merchant told (receipt, amount, masked number), listed by the API, and applied by an operator.
     */
    @Test
    void givenASuccessThatMatchesNoAttempt_whenReconciled_thenItIsRaisedCountedToldListedAndCanBeApplied() {
        Msisdn stranger = Customers.fresh();
        String neverSeen = "ws_CO_orphan" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        String receipt = receipt();
        Scrape before = scrape();

        postStkCallback(DarajaWireMock.CALLBACK_TOKEN, stkSuccess(neverSeen, "777", receipt, stranger));
        reconciler.reconcile();
        assertThat(db.count("SELECT count(*) FROM unmatched_payments WHERE checkout_request_id = ?", neverSeen))
                .as("not before the grace for early callbacks").isZero();

        clock.advance(Duration.ofSeconds(61));
        reconciler.reconcile();

        assertThat(db.column("SELECT status FROM unmatched_payments WHERE checkout_request_id = ?", neverSeen))
                .containsExactly("OPEN");
        assertThat(scrape().minus(before, "invoiceiq_unmatched_payments_raised_total")).isEqualTo(1.0);
        List<String> notices = db.column("SELECT content::text FROM outbox WHERE purpose = 'MERCHANT_NOTICE'"
                + " AND invoice_id IS NULL AND content::text LIKE ?", "%" + receipt + "%");
        assertThat(notices).singleElement().satisfies(text -> assertThat(text).contains("777")
                .contains(stranger.masked()).doesNotContain(stranger.value()));
        Response listed = api().queryParam("status", "OPEN").get("/payments/unmatched");
        String id = listed.jsonPath().getString("items.find { it.checkout_request_id == '" + neverSeen + "' }.id");
        assertThat(id).isNotNull();

        String invoice = createdAndSent(stranger, 777);
        Response applied = api().contentType("application/json").body("{\"invoice_id\":\"" + invoice + "\"}")
                .post("/payments/unmatched/" + id + "/apply");

        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(chat.status(invoice)).isEqualTo("PAID");
        assertThat(db.column("SELECT status || ' ' || applied_invoice_id FROM unmatched_payments WHERE id = ?", id))
                .containsExactly("APPLIED " + invoice);
        assertThat(api().contentType("application/json").body("{\"invoice_id\":\"" + invoice + "\"}")
                .post("/payments/unmatched/" + id + "/apply").statusCode()).as("never applied twice").isEqualTo(409);
    }

    // ---- helpers ----

    private RequestSpecification api() {
        return given().header("Authorization", "Bearer " + AcceptanceProfile.ADMIN_KEY);
    }

    private static String invoiceBody(Msisdn customer, long shillings) {
        return "{\"msisdn\":\"" + customer.value() + "\",\"amount_cents\":" + shillings * 100
                + ",\"description\":\"Trust test\"}";
    }

    private String createdAndSent(Msisdn customer, long shillings) {
        Response created = api().contentType("application/json").body(invoiceBody(customer, shillings))
                .post("/invoices");
        assertThat(created.statusCode()).isEqualTo(201);
        chat.dispatch();
        return created.jsonPath().getString("id");
    }

    private Response initiate(String key, String invoice) {
        return api().contentType("application/json").header("Idempotency-Key", key)
                .body("{\"invoice_id\":\"" + invoice + "\"}").post("/payments/stk/initiate");
    }

    private Response tap(String invoice) {
        return initiate("tap-" + UUID.randomUUID(), invoice);
    }

    private static String checkoutOf(Response tap) {
        assertThat(tap.statusCode()).isEqualTo(202);
        String checkout = tap.jsonPath().getString("checkout_request_id");
        assertThat(checkout).isNotNull();
        return checkout;
    }

    private void pushAnswers(Msisdn customer, ResponseDefinitionBuilder answer) {
        daraja.stubFor(post(urlPathEqualTo(DarajaWireMock.PUSH_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.PhoneNumber", equalTo(customer.value())))
                .willReturn(answer));
    }

    private static ResponseDefinitionBuilder accepted(String checkout) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"MerchantRequestID":"%s","CheckoutRequestID":"%s","ResponseCode":"0",
                 "ResponseDescription":"Success. Request accepted for processing",
                 "CustomerMessage":"Success. Request accepted for processing"}""".formatted(merchantRequestId(),
                checkout));
    }

    private long outbox(String invoice, String purpose) {
        return db.count("SELECT count(*) FROM outbox WHERE invoice_id = ? AND purpose = ?", invoice, purpose);
    }
}
