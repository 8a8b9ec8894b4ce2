package ke.invoiceiq.bootstrap.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.eventually;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.postStkCallback;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.receipt;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.stkSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import ke.invoiceiq.adapters.daraja.outbound.DarajaPaymentGateway;
import ke.invoiceiq.application.invoice.CreateInvoiceCommand;
import ke.invoiceiq.application.invoice.CreateInvoiceOutcome;
import ke.invoiceiq.application.invoice.CreateInvoiceUseCase;
import ke.invoiceiq.application.messaging.DispatchOutboxUseCase;
import ke.invoiceiq.application.payment.ReconcilePaymentsUseCase;
import ke.invoiceiq.application.payment.RequestPaymentCommand;
import ke.invoiceiq.application.payment.RequestPaymentOutcome;
import ke.invoiceiq.application.payment.RequestPaymentUseCase;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.bootstrap.testing.Database;
import ke.invoiceiq.bootstrap.testing.TestClock;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.PaymentGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The money path in the running application, with M-PESA configured: payments requested through
 * {@link RequestPaymentUseCase} (what the Pay button runs), the {@link DarajaPaymentGateway} calling WireMock as
 * Daraja ({@link DarajaWireMock}), results arriving on the real {@code POST /payments/stk/callback/{token}}, the
 * reconciler run by hand (jobs are off in tests), all on the real PostgreSQL. WhatsApp and SMS are the stand-ins.
 *
 * <p>The database is shared with the other test classes, so each case uses a fresh customer number and checks rows
 * by its invoice id. Phone numbers are never printed: {@code LogScanTest} reads the log afterwards.
 */
@QuarkusTest
@TestProfile(MpesaLoopTest.MpesaConfigured.class)
@WithTestResource(DarajaWireMock.class)
class MpesaLoopTest {

    /** M-PESA configured (by {@link DarajaWireMock}); every unanswered attempt fits in one reconciliation run. */
    public static final class MpesaConfigured implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // the shared database may hold other classes' unanswered attempts: look at all of them in one run
            return Map.of("invoiceiq.payment.reconcile-batch", "10000");
        }
    }

    private static final String CALLBACK = "/payments/stk/callback/";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @DarajaWireMock.Server
    WireMockServer wiremock;

    @Inject
    CreateInvoiceUseCase invoices;

    @Inject
    RequestPaymentUseCase payments;

    @Inject
    ReconcilePaymentsUseCase reconciler;

    @Inject
    DispatchOutboxUseCase dispatcher;

    @Inject
    PaymentGateway gateway;

    @Inject
    TestClock clock;

    @Inject
    Database db;

    @BeforeEach
    void darajaDefaults() {
        wiremock.resetAll();
        DarajaWireMock.defaults(wiremock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void givenMpesaConfigured_whenThePaymentGatewayIsLookedUp_thenItIsDaraja() {
        assertThat(ClientProxy.unwrap(gateway)).isInstanceOf(DarajaPaymentGateway.class);
        assertThat(((DarajaPaymentGateway) ClientProxy.unwrap(gateway)).configured()).isTrue();
    }

    /** (a) Fifty taps at once, each with its own idempotency key: one STK push reaches Daraja. */
    @Test
    void givenFiftyConcurrentPayRequests_whenHandled_thenExactlyOneStkPushReachesDaraja() throws Exception {
        Msisdn customer = Customers.fresh();
        InvoiceId invoice = invoice(customer, 2500);
        int taps = 50;
        ExecutorService pool = Executors.newFixedThreadPool(taps);
        List<RequestPaymentOutcome> outcomes;
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RequestPaymentOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < taps; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return pay(invoice, customer);
                }));
            }
            start.countDown();
            outcomes = new ArrayList<>();
            for (Future<RequestPaymentOutcome> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes).filteredOn(o -> o instanceof RequestPaymentOutcome.Initiated i && !i.replayed())
                .hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof RequestPaymentOutcome.Initiated))
                .as("every other tap is told a prompt is already open")
                .hasSize(taps - 1)
                .allSatisfy(o -> assertThat(o).isInstanceOf(RequestPaymentOutcome.AlreadyInFlight.class));
        assertThat(pushesFor(customer)).as("STK pushes that reached Daraja").isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM payments WHERE invoice_id = ?", invoice.value())).isEqualTo(1);
    }

    /** (b) The success callback pays the invoice; ten identical callbacks at once still make one receipt pair. */
    @Test
    void givenTenIdenticalSuccessCallbacksAtOnce_whenPosted_thenTheInvoiceIsPaidOnceWithOneReceiptPair()
            throws Exception {
        Msisdn customer = Customers.fresh();
        InvoiceId invoice = invoice(customer, 1500);
        String checkout = checkoutOf(pay(invoice, customer));
        String receipt = receipt();
        String callback = stkSuccess(checkout, "1500.00", receipt, customer);

        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                posts.add(pool.submit(() -> {
                    start.await();
                    return postStkCallback(DarajaWireMock.CALLBACK_TOKEN, callback);
                }));
            }
            start.countDown();
            for (Future<Integer> post : posts) {
                assertThat(post.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", invoice.value())).containsExactly("PAID");
        assertThat(db.column("SELECT mpesa_receipt FROM invoices WHERE id = ?", invoice.value()))
                .containsExactly(receipt);
        assertThat(db.column("SELECT status || ' ' || mpesa_receipt FROM payments WHERE invoice_id = ?",
                invoice.value())).containsExactly("SUCCESS " + receipt);
        assertThat(outbox(invoice, "RECEIPT")).as("the customer's receipt").isEqualTo(1);
        assertThat(outbox(invoice, "MERCHANT_NOTICE")).as("the merchant's notice").isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM stk_callbacks WHERE checkout_request_id = ?", checkout))
                .isEqualTo(1);

        // and the receipt leaves through the (stand-in) messenger, once the customer's turn comes
        String sent = "SELECT status FROM outbox WHERE invoice_id = ? AND purpose = 'RECEIPT'";
        Instant giveUp = Instant.now().plusSeconds(10);
        while (!db.column(sent, invoice.value()).contains("SENT") && Instant.now().isBefore(giveUp)) {
            if (dispatcher.dispatch().claimed() == 0) {
                Thread.sleep(50);
            }
        }
        assertThat(db.column(sent, invoice.value())).containsExactly("SENT");
    }

    /**
     * (c) The callback arrives while the STK push call is still waiting for Daraja's answer: it finds its attempt by
     * payer, amount and time, pays the invoice at once, and names the attempt; the push's answer then adds nothing.
     */
    @Test
    void givenTheCallbackBeforeTheStkResponseIsStored_whenThePushReturns_thenTheInvoiceIsPaidOnce() throws Exception {
        Msisdn customer = Customers.fresh();
        InvoiceId invoice = invoice(customer, 700);
        String checkout = "ws_CO_early" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        wiremock.stubFor(post(urlPathEqualTo(DarajaWireMock.PUSH_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.PhoneNumber", equalTo(customer.value())))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withFixedDelay(1500)
                        .withBody("""
                                {"MerchantRequestID":"29115-early-1","CheckoutRequestID":"%s","ResponseCode":"0",
                                 "ResponseDescription":"Success. Request accepted for processing",
                                 "CustomerMessage":"Success. Request accepted for processing"}""".formatted(checkout))));

        CompletableFuture<RequestPaymentOutcome> tap = CompletableFuture.supplyAsync(() -> pay(invoice, customer));
        // the attempt is committed before the push goes out; Daraja then takes 1.5 s to answer
        eventually(WAIT, () -> db.count("SELECT count(*) FROM payments WHERE invoice_id = ?", invoice.value()) == 1);
        String receipt = receipt();
        assertThat(postStkCallback(DarajaWireMock.CALLBACK_TOKEN, stkSuccess(checkout, "700", receipt, customer)))
                .isEqualTo(200);
        assertThat(tap).as("the push is still waiting for Daraja when the callback is in").isNotDone();
        assertThat(db.column("SELECT processed_at IS NULL FROM stk_callbacks WHERE checkout_request_id = ?",
                checkout)).as("applied at once: its attempt is found by payer and amount").containsExactly("f");
        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", invoice.value())).containsExactly("PAID");

        RequestPaymentOutcome outcome = tap.get(30, TimeUnit.SECONDS);
        assertThat(pushesFor(customer)).isEqualTo(1);

        assertThat(outcome).isInstanceOf(RequestPaymentOutcome.Initiated.class);
        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", invoice.value())).containsExactly("PAID");
        assertThat(db.column("SELECT status || ' ' || checkout_request_id || ' ' || mpesa_receipt FROM payments"
                + " WHERE invoice_id = ?", invoice.value())).containsExactly("SUCCESS " + checkout + " " + receipt);
        reconciler.reconcile();
        assertThat(outbox(invoice, "RECEIPT")).isEqualTo(1);
        assertThat(outbox(invoice, "MERCHANT_NOTICE")).isEqualTo(1);
    }

    /** (d) No callback ever comes: the reconciler's query first hears "being processed", then the success. */
    @Test
    void givenALostCallback_whenReconciledAfterQueryAfter_thenPendingStaysInitiatedAndSuccessPays() {
        Msisdn customer = Customers.fresh();
        InvoiceId invoice = invoice(customer, 1200);
        String checkout = checkoutOf(pay(invoice, customer));

        reconciler.reconcile();
        assertThat(queriesFor(checkout)).as("not queried before query-after").isZero();

        clock.advance(Duration.ofSeconds(61));
        reconciler.reconcile();
        assertThat(queriesFor(checkout)).isEqualTo(1);
        assertThat(paymentStatus(invoice)).containsExactly("INITIATED");
        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", invoice.value())).doesNotContain("PAID");

        wiremock.stubFor(post(urlPathEqualTo(DarajaWireMock.QUERY_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.CheckoutRequestID", equalTo(checkout)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"ResponseCode":"0","ResponseDescription":"The service request has been accepted successfully",
                         "MerchantRequestID":"22205-34066-1","CheckoutRequestID":"%s",
                         "ResultCode":"0","ResultDesc":"The service request is processed successfully."}"""
                        .formatted(checkout))));
        clock.advance(Duration.ofSeconds(60)); // the next query is due 60 s after the first (backoff)
        reconciler.reconcile();

        assertThat(queriesFor(checkout)).isEqualTo(2);
        assertThat(paymentStatus(invoice)).containsExactly("SUCCESS");
        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", invoice.value())).containsExactly("PAID");
        assertThat(outbox(invoice, "RECEIPT")).isEqualTo(1);
        assertThat(outbox(invoice, "MERCHANT_NOTICE")).isEqualTo(1);
    }

    /**
     * (e) Daraja keeps saying "being processed": after expire-after the attempt is given up (EXPIRED, outcome
     * unknown), the merchant is told what to check, the customer is not told to pay again, and the invoice stays
     * payable.
     */
    @Test
    void givenQueryKeepsAnsweringBeingProcessed_whenThePastExpireAfter_thenExpiredAndTheCustomerMayTryAgain() {
        Msisdn customer = Customers.fresh();
        InvoiceId invoice = invoice(customer, 900);
        String checkout = checkoutOf(pay(invoice, customer));

        clock.advance(Duration.ofSeconds(61));
        reconciler.reconcile();
        assertThat(paymentStatus(invoice)).containsExactly("INITIATED");

        clock.advance(Duration.ofMinutes(5));
        reconciler.reconcile();

        assertThat(queriesFor(checkout)).isGreaterThanOrEqualTo(2);
        assertThat(paymentStatus(invoice)).containsExactly("EXPIRED");
        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", invoice.value()))
                .singleElement().isNotIn("PAID", "CANCELLED");
        assertThat(db.column("SELECT content->>'text' FROM outbox WHERE invoice_id = ? AND purpose = 'PAYMENT_FAILED'"
                + " AND recipient_msisdn = ?", invoice.value(), customer.value()))
                .as("the customer hears M-PESA has not confirmed, and not to pay twice").singleElement()
                .satisfies(text -> assertThat(text).contains("do not pay again"));
        assertThat(db.count("SELECT count(*) FROM outbox WHERE invoice_id = ? AND purpose = 'MERCHANT_NOTICE'",
                invoice.value())).as("the merchant hears the outcome is unknown").isEqualTo(1);

        // payable again, at once: giving up asks for no pause

        RequestPaymentOutcome again = pay(invoice, customer);
        assertThat(again).isInstanceOfSatisfying(RequestPaymentOutcome.Initiated.class,
                i -> assertThat(i.replayed()).isFalse());
        assertThat(pushesFor(customer)).isEqualTo(2);
    }

    /** (f) A callback with the wrong token: 401, and nothing is kept. */
    @Test
    void givenAWrongCallbackToken_whenPosted_then401AndNothingStored() {
        Msisdn customer = Customers.fresh();
        InvoiceId invoice = invoice(customer, 300);
        String checkout = checkoutOf(pay(invoice, customer));
        long before = db.count("SELECT count(*) FROM stk_callbacks");

        assertThat(postStkCallback("not-the-token", stkSuccess(checkout, "300", receipt(), customer))).isEqualTo(401);

        assertThat(db.count("SELECT count(*) FROM stk_callbacks")).isEqualTo(before);
        assertThat(db.count("SELECT count(*) FROM stk_callbacks WHERE checkout_request_id = ?", checkout)).isZero();
        assertThat(paymentStatus(invoice)).containsExactly("INITIATED");
        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", invoice.value())).doesNotContain("PAID");
    }

    /** (g) A success for less than the invoice's amount: a part payment, both sides told what is left. */
    @Test
    void givenASuccessCallbackForLessThanTheAmount_whenPosted_thenAPartPaymentAndBothSidesAreTold() {
        Msisdn customer = Customers.fresh();
        InvoiceId invoice = invoice(customer, 2000);
        String checkout = checkoutOf(pay(invoice, customer));

        assertThat(postStkCallback(DarajaWireMock.CALLBACK_TOKEN, stkSuccess(checkout, "20.00", receipt(), customer)))
                .isEqualTo(200);

        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", invoice.value())).doesNotContain("PAID");
        assertThat(db.column("SELECT amount_paid_cents FROM invoices WHERE id = ?", invoice.value()))
                .containsExactly("2000");
        assertThat(outbox(invoice, "RECEIPT")).as("the customer hears what is received and left").isEqualTo(1);
        assertThat(outbox(invoice, "MERCHANT_NOTICE")).as("the merchant is told").isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM stk_callbacks WHERE checkout_request_id = ?", checkout))
                .as("the result is kept").isEqualTo(1);
    }

    // ---- helpers ----

    private InvoiceId invoice(Msisdn customer, long shillings) {
        CreateInvoiceOutcome outcome = invoices.create(new CreateInvoiceCommand(new CustomerRef.ByPhone(customer),
                Optional.empty(), Amount.ofShillings(shillings), new Description("Cleaning")));
        assertThat(outcome).isInstanceOf(CreateInvoiceOutcome.Created.class);
        return ((CreateInvoiceOutcome.Created) outcome).invoice().id();
    }

    private RequestPaymentOutcome pay(InvoiceId invoice, Msisdn payer) {
        return payments.requestPayment(RequestPaymentCommand.byPhone(invoice, payer,
                new IdempotencyKey("e2e-" + UUID.randomUUID())));
    }

    private static String checkoutOf(RequestPaymentOutcome outcome) {
        assertThat(outcome).isInstanceOf(RequestPaymentOutcome.Initiated.class);
        return ((RequestPaymentOutcome.Initiated) outcome).payment().checkoutRequestId().orElseThrow().value();
    }

    private int pushesFor(Msisdn payer) {
        return wiremock.findAll(postRequestedFor(urlPathEqualTo(DarajaWireMock.PUSH_PATH))
                .withRequestBody(matchingJsonPath("$.PhoneNumber", equalTo(payer.value())))).size();
    }

    private int queriesFor(String checkout) {
        return wiremock.findAll(postRequestedFor(urlPathEqualTo(DarajaWireMock.QUERY_PATH))
                .withRequestBody(matchingJsonPath("$.CheckoutRequestID", equalTo(checkout)))).size();
    }

    private List<String> paymentStatus(InvoiceId invoice) {
        return db.column("SELECT status FROM payments WHERE invoice_id = ?", invoice.value());
    }

    private long outbox(InvoiceId invoice, String purpose) {
        return db.count("SELECT count(*) FROM outbox WHERE invoice_id = ? AND purpose = ?", invoice.value(), purpose);
    }


}
