package ke.invoiceiq.bootstrap.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.ClientProxy;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import ke.invoiceiq.adapters.memory.RecordingChatMessenger;
import ke.invoiceiq.adapters.memory.ScriptedPaymentGateway;
import ke.invoiceiq.application.invoice.CreateInvoiceCommand;
import ke.invoiceiq.application.invoice.CreateInvoiceOutcome;
import ke.invoiceiq.application.invoice.CreateInvoiceUseCase;
import ke.invoiceiq.application.messaging.DispatchOutboxUseCase;
import ke.invoiceiq.application.messaging.DispatchReport;
import ke.invoiceiq.application.payment.RecordOutcome;
import ke.invoiceiq.application.payment.RecordPaymentResultUseCase;
import ke.invoiceiq.application.payment.RequestPaymentCommand;
import ke.invoiceiq.application.payment.RequestPaymentOutcome;
import ke.invoiceiq.application.payment.RequestPaymentUseCase;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.bootstrap.testing.Database;
import ke.invoiceiq.bootstrap.testing.Outboxes;
import ke.invoiceiq.bootstrap.testing.Scrape;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.Settlement;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.SendResult;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.PaymentGateway;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.StkPushResponse;
import ke.invoiceiq.domain.payment.StkResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real use cases, through CDI, on the real database, move the business series of {@code /q/metrics} by exactly
 * what they did. The database and the registry outlive one test, so every assertion is a difference between a
 * scrape before and a scrape after, and every customer is a fresh number.
 */
@QuarkusTest
class MetricsEndpointTest {


    @Inject
    CreateInvoiceUseCase createInvoice;

    @Inject
    DispatchOutboxUseCase dispatcher;

    @Inject
    RequestPaymentUseCase requestPayment;

    @Inject
    RecordPaymentResultUseCase recordPaymentResult;

    @Inject
    OutboxPendingGauge outboxPending;

    @Inject
    ChatMessenger chat;

    @Inject
    PaymentGateway gateway;

    @Inject
    Clock clock;

    @Inject
    Scheduler scheduler;

    @Inject
    Database db;

    @Inject
    CustomerDirectory customers;

    @Inject
    MerchantSettings merchant;

    /**
     * Nothing due is left over by an earlier test, nor about to come due (a notice waiting for the merchant's turn),
     * and no turn taken by another test's clock is in the way: a dispatch below sends only what that test queued.
     * The merchant has just written, as a merchant issuing invoices does, so their notices go on WhatsApp: on a
     * database no earlier test had the merchant write to, they would be outside WhatsApp's 24-hour window and go by
     * SMS, and the WhatsApp counts below would depend on which test ran first.
     */
    @BeforeEach
    void drainTheOutbox() {
        Outboxes.forgetEarlierTests(db);
        Outboxes.drain(dispatcher, db, clock);
        merchant.staffNumbers().forEach(staff -> customers.recordInbound(staff, clock.instant()));
    }

    @Test
    void givenInvoiceCreatedSentAndPaid_whenScraped_thenCreatedSentPaidPaymentsMessagesAndTimeToPayMove() {
        Msisdn customer = freshCustomer();
        Scrape before = scrape();

        Invoice invoice = create(customer, 2_500);
        DispatchReport invoiceRun = dispatcher.dispatch();
        // the merchant's 'invoice sent' notice, once the merchant's turn comes
        Outboxes.drain(dispatcher, db, clock);
        pay(invoice, customer, StkResult.of(0), Optional.of(BigDecimal.valueOf(2_500)));
        Scrape after = scrape();

        assertThat(invoiceRun.sent()).as("the invoice, on WhatsApp").isEqualTo(1);
        assertThat(after.minus(before, "invoiceiq_invoices_created_total")).isEqualTo(1);
        assertThat(after.minus(before, "invoiceiq_invoices_sent_total", "channel", "whatsapp")).isEqualTo(1);
        assertThat(after.minus(before, "invoiceiq_invoices_sent_total", "channel", "sms")).isZero();
        assertThat(after.minus(before, "invoiceiq_messages_sent_total", "channel", "whatsapp", "outcome", "accepted"))
                .isEqualTo(2);
        assertThat(after.minus(before, "invoiceiq_payments_total", "result", "success")).isEqualTo(1);
        assertThat(after.minus(before, "invoiceiq_invoices_paid_total")).isEqualTo(1);
        assertThat(after.minus(before, "invoiceiq_time_to_pay_seconds_count")).isEqualTo(1);
        assertThat(after.minus(before, "invoiceiq_time_to_pay_seconds_bucket", "le", "30.0"))
                .as("paid within seconds of being sent").isEqualTo(1);
        assertThat(after.minus(before, "invoiceiq_time_to_pay_seconds_bucket", "le", "+Inf")).isEqualTo(1);
        assertThat(after.value("invoiceiq_time_to_pay_seconds_sum")).isNotNegative();
    }

    @Test
    void givenCustomerNotOnWhatsApp_whenDispatched_thenUndeliverableOnWhatsAppThenSentBySms() {
        Msisdn customer = freshCustomer();
        var whatsapp = (RecordingChatMessenger) ClientProxy.unwrap(chat);
        whatsapp.failFor(customer, new SendResult.Undeliverable("131026"));
        try {
            Scrape before = scrape();

            create(customer, 900);
            DispatchReport whatsAppRun = dispatcher.dispatch();
            DispatchReport smsRun = dispatcher.dispatch();
            Scrape after = scrape();

            assertThat(whatsAppRun.fellBack()).isEqualTo(1);
            assertThat(smsRun.sent()).isEqualTo(1);
            assertThat(after.minus(before, "invoiceiq_invoices_created_total")).isEqualTo(1);
            assertThat(after.minus(before, "invoiceiq_messages_sent_total", "channel", "whatsapp", "outcome",
                    "undeliverable")).isEqualTo(1);
            assertThat(after.minus(before, "invoiceiq_messages_sent_total", "channel", "sms", "outcome", "accepted"))
                    .isEqualTo(1);
            assertThat(after.minus(before, "invoiceiq_invoices_sent_total", "channel", "sms")).isEqualTo(1);
            assertThat(after.minus(before, "invoiceiq_invoices_sent_total", "channel", "whatsapp")).isZero();
        } finally {
            whatsapp.recover(customer);
        }
    }

    @Test
    void givenCustomerCancelsThePrompt_whenTheResultIsRecorded_thenFailureCountedByReasonAndNothingPaid() {
        Msisdn customer = freshCustomer();
        Invoice invoice = create(customer, 1_200);
        Scrape before = scrape();

        pay(invoice, customer, StkResult.of(1032), Optional.empty());
        Scrape after = scrape();

        assertThat(after.minus(before, "invoiceiq_payments_total", "result", "cancelled_by_user")).isEqualTo(1);
        assertThat(after.minus(before, "invoiceiq_payments_total", "result", "success")).isZero();
        assertThat(after.minus(before, "invoiceiq_invoices_paid_total")).isZero();
        assertThat(after.minus(before, "invoiceiq_time_to_pay_seconds_count")).isZero();
    }

    @Test
    void givenMpesaReportsLessThanTheAmount_whenTheResultIsRecorded_thenAPartPaymentCountedAndNothingPaid() {
        Msisdn customer = freshCustomer();
        Invoice invoice = create(customer, 3_000);
        Scrape before = scrape();

        RecordOutcome outcome = pay(invoice, customer, StkResult.of(0), Optional.of(BigDecimal.valueOf(30)));
        Scrape after = scrape();

        assertThat(outcome).isInstanceOfSatisfying(RecordOutcome.Settled.class,
                s -> assertThat(s.settlement()).isInstanceOf(Settlement.PartlyPaid.class));
        assertThat(after.minus(before, "invoiceiq_payments_total", "result", "success")).isEqualTo(1);
        assertThat(after.minus(before, "invoiceiq_part_payments_total")).isEqualTo(1);
        assertThat(after.minus(before, "invoiceiq_invoices_paid_total")).isZero();
    }

    /**
     * The scheduled recount runs in the background too (every 15 s), so this test recounts itself before each
     * read rather than prove that a scrape alone does not count: {@code OutboxPendingGaugeTest} proves that.
     */
    @Test
    void givenMessagesQueued_whenTheGaugeIsRefreshed_thenOutboxPendingCountsThem() {
        outboxPending.refresh();
        double start = scrape().value("invoiceiq_outbox_pending");

        create(freshCustomer(), 500);
        create(freshCustomer(), 600);
        outboxPending.refresh();
        double afterRefresh = scrape().value("invoiceiq_outbox_pending");
        dispatcher.dispatch();
        outboxPending.refresh();
        double afterDispatch = scrape().value("invoiceiq_outbox_pending");

        assertThat(afterRefresh - start).isEqualTo(2);
        assertThat(afterDispatch).as("both sent; the two merchant notices they queued wait").isEqualTo(start + 2);
    }

    @Test
    void givenTheApplicationRunning_whenTheRecountJobIsLookedUp_thenItIsScheduledEveryFifteenSecondsByDefault() {
        Trigger job = scheduler.getScheduledJob("outbox-pending-gauge");

        assertThat(job).as("the scheduled recount of invoiceiq_outbox_pending").isNotNull();
        assertThat(job.getNextFireTime()).isBefore(Instant.now().plusSeconds(16));
    }

    @Test
    void givenTheApplicationRunning_whenScraped_thenBusinessSeriesExistFromTheStartWithTheirTypes() {
        String body = metrics();

        // the registry names a counter's family without "_total" in # TYPE, and its samples with it
        assertThat(body).contains(
                "# TYPE invoiceiq_invoices_created counter",
                "# TYPE invoiceiq_invoices_sent counter",
                "# TYPE invoiceiq_invoices_paid counter",
                "# TYPE invoiceiq_payments counter",
                "# TYPE invoiceiq_messages_sent counter",
                "# TYPE invoiceiq_outbox_pending gauge",
                "# TYPE invoiceiq_time_to_pay_seconds histogram");
        Scrape scrape = Scrape.of(body);
        assertThat(scrape.names()).contains("invoiceiq_invoices_created_total", "invoiceiq_invoices_sent_total",
                "invoiceiq_invoices_paid_total", "invoiceiq_payments_total", "invoiceiq_messages_sent_total",
                "invoiceiq_outbox_pending", "invoiceiq_unmatched_payments_open",
                "invoiceiq_unmatched_payments_raised_total", "invoiceiq_part_payments_total",
                "invoiceiq_time_to_pay_seconds_bucket",
                "invoiceiq_time_to_pay_seconds_count", "invoiceiq_time_to_pay_seconds_sum");
        for (String result : List.of("success", "expired", "unavailable", "cancelled_by_user",
                "insufficient_funds", "wrong_pin", "phone_unreachable", "other")) {
            assertThat(scrape.has("invoiceiq_payments_total", "result", result)).as(result).isTrue();
        }
        for (String channel : List.of("whatsapp", "sms")) {
            for (String outcome : List.of("accepted", "retry_later", "undeliverable", "misconfigured", "skipped",
                    "deferred", "coalesced")) {
                assertThat(scrape.has("invoiceiq_messages_sent_total", "channel", channel, "outcome", outcome))
                        .as(channel + "/" + outcome).isTrue();
            }
        }
        for (String le : List.of("30.0", "60.0", "300.0", "900.0", "3600.0", "21600.0", "86400.0", "259200.0",
                "604800.0", "+Inf")) {
            assertThat(scrape.has("invoiceiq_time_to_pay_seconds_bucket", "le", le)).as("le=" + le).isTrue();
        }
    }

    /** The pool's own series, from quarkus.datasource.metrics.enabled. */
    @Test
    void givenTheDatasource_whenScraped_thenAgroalPoolMetricsAreThere() {
        Scrape scrape = scrape();

        assertThat(scrape.names()).contains("agroal_active_count", "agroal_available_count",
                "agroal_max_used_count");
    }

    @Test
    void givenTrafficWithPhoneNumbersAndInvoiceIds_whenScraped_thenNoLabelValueLooksLikeEither() {
        Msisdn customer = freshCustomer();
        Invoice invoice = create(customer, 700);
        dispatcher.dispatch();
        pay(invoice, customer, StkResult.of(2001), Optional.empty());

        String body = metrics();
        List<String> values = Scrape.of(body).labelValues();

        assertThat(values).isNotEmpty();
        assertThat(values).noneMatch(v -> v.matches(".*254\\d{9}.*"))
                .noneMatch(v -> v.toUpperCase().contains("INV-"));
        assertThat(body).doesNotContain(customer.value(), invoice.id().value());
    }

    // ---- driving the use cases ----

    private Invoice create(Msisdn customer, long shillings) {
        CreateInvoiceOutcome outcome = createInvoice.create(new CreateInvoiceCommand(new CustomerRef.ByPhone(customer),
                Optional.empty(), Amount.ofShillings(shillings), new Description("Metrics test")));
        assertThat(outcome).isInstanceOf(CreateInvoiceOutcome.Created.class);
        return ((CreateInvoiceOutcome.Created) outcome).invoice();
    }

    /** An STK push for {@code invoice}, accepted by the scripted gateway, then M-PESA's {@code result}. */
    private RecordOutcome pay(Invoice invoice, Msisdn customer, StkResult result, Optional<BigDecimal> amount) {
        String unique = UUID.randomUUID().toString().replace("-", "");
        var mpesa = (ScriptedPaymentGateway) ClientProxy.unwrap(gateway);
        var checkout = new CheckoutRequestId("ws_CO_metrics_" + unique);
        mpesa.respondWith(new StkPushResponse.Accepted(new MerchantRequestId("mr-metrics-" + unique), checkout));
        RequestPaymentOutcome requested = requestPayment.requestPayment(
                RequestPaymentCommand.byPhone(invoice.id(), customer, new IdempotencyKey("metrics-" + unique)));
        assertThat(requested).isInstanceOf(RequestPaymentOutcome.Initiated.class);
        Optional<MpesaReceipt> receipt = result.isSuccess()
                ? Optional.of(new MpesaReceipt("MT" + unique.substring(0, 10).toUpperCase()))
                : Optional.empty();
        return recordPaymentResult.record(new PaymentResult(checkout, Optional.empty(), result, amount, receipt,
                Optional.empty(), Optional.of(customer), clock.instant()), Optional.empty());
    }

    /** A number no other test uses (the database is shared by every test class and run). */
    private static Msisdn freshCustomer() {
        return new Msisdn("2547" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
    }

    // ---- reading /q/metrics, on the management port as Prometheus does ----

    @TestHTTPResource(value = "metrics", management = true)
    URL metricsEndpoint;

    private String metrics() {
        return given().when().get(metricsEndpoint).then().statusCode(200).extract().asString();
    }

    private Scrape scrape() {
        return Scrape.of(metrics());
    }
}
