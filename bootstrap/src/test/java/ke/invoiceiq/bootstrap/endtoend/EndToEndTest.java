package ke.invoiceiq.bootstrap.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import ke.invoiceiq.adapters.memory.RecordingChatMessenger;
import ke.invoiceiq.application.inbound.HandleInboundMessageOutcome;
import ke.invoiceiq.application.inbound.HandleInboundMessageUseCase;
import ke.invoiceiq.application.inbound.InboundContent;
import ke.invoiceiq.application.inbound.InboundMessage;
import ke.invoiceiq.application.messaging.DispatchOutboxUseCase;
import ke.invoiceiq.application.settings.DispatchSettings;
import ke.invoiceiq.bootstrap.http.CorrelationId;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.bootstrap.testing.Database;
import ke.invoiceiq.bootstrap.testing.FailingOutbox;
import ke.invoiceiq.bootstrap.testing.TestClock;
import ke.invoiceiq.bootstrap.testing.TypedInTests;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The running application, through its driving ports, on a real PostgreSQL: what a merchant's command writes,
 * and what a dispatcher that dies mid-way leaves behind. The messenger is the recording stand-in, which counts
 * what reached each number.
 */
@QuarkusTest
class EndToEndTest {

    private static final Msisdn MERCHANT = new Msisdn("254700000001");

    /** What the merchant types here: {@link LogScanTest} makes sure none of it reaches the log. */
    static final List<String> DESCRIPTIONS = List.of("Cleaning", "Ironing", "Plumbing");

    /** Written to the log once per run, so the log scan knows the file holds this run. */
    static final String RUN_MARKER_PROPERTY = "log-scan.run-marker";

    private static final Logger LOG = Logger.getLogger(EndToEndTest.class);

    @Inject
    HandleInboundMessageUseCase inbound;

    @Inject
    DispatchOutboxUseCase dispatcher;

    @Inject
    Outbox outbox;

    @Inject
    DispatchSettings dispatchSettings;

    @Inject
    ChatMessenger chat;

    @Inject
    TestClock clock;

    @Inject
    Database db;

    @BeforeAll
    static void markTheLog() {
        String marker = "end-to-end-run-" + UUID.randomUUID();
        System.setProperty(RUN_MARKER_PROPERTY, marker);
        LOG.info(marker);
    }

    @AfterEach
    void putBackTimeAndFaults() {
        clock.reset();
        FailingOutbox.disarm();
    }

    @Test
    void givenMerchantOneLineCommand_whenHandled_thenInvoiceAndItsOutboxRowAreCommittedInOneTransaction() {
        Msisdn customer = Customers.fresh();

        InvoiceId id = command(customer, "2500 " + DESCRIPTIONS.get(0));

        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", id.value())).containsExactly("PENDING");
        assertThat(db.column("SELECT status FROM outbox WHERE invoice_id = ? AND purpose = 'INVOICE'"
                + " AND recipient_msisdn = ?", id.value(), customer.value())).containsExactly("PENDING");
        // PostgreSQL stamps each row with the id of the transaction that wrote it: one xmin, one transaction
        String invoiceTx = db.column("SELECT xmin::text FROM invoices WHERE id = ?", id.value()).getFirst();
        String outboxTx = db.column("SELECT xmin::text FROM outbox WHERE invoice_id = ? AND purpose = 'INVOICE'",
                id.value()).getFirst();
        assertThat(outboxTx).isEqualTo(invoiceTx);
    }

    @Test
    void givenQueueingTheInvoiceFails_whenMerchantSendsCommand_thenNoInvoiceIsLeftBehind() {
        Msisdn customer = Customers.fresh();
        long invoicesBefore = db.count("SELECT count(*) FROM invoices WHERE msisdn = ?", customer.value());
        FailingOutbox.failNextEnqueue();

        assertThatThrownBy(() -> inbound.handle(merchantSays("invoice " + Customers.typed(customer) + " 900 " + DESCRIPTIONS.get(1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("simulated failure while queueing an outbox message");

        assertThat(db.count("SELECT count(*) FROM invoices WHERE msisdn = ?", customer.value()))
                .as("the invoice rolled back with its message").isEqualTo(invoicesBefore);
        assertThat(db.count("SELECT count(*) FROM outbox WHERE recipient_msisdn = ?", customer.value())).isZero();
    }

    @Test
    void givenDispatcherDiedAfterClaiming_whenRestartedAfterItsLease_thenTheCustomerGetsTheInvoiceExactlyOnce() {
        Msisdn customer = Customers.fresh();
        InvoiceId id = command(customer, "4200 " + DESCRIPTIONS.get(2));
        RecordingChatMessenger whatsapp = (RecordingChatMessenger) ClientProxy.unwrap(chat);

        // a dispatcher claims everything due, then its process dies before it sends anything
        List<OutboxMessage> claimedByTheDeadOne = outbox.claimDue("the-dead-one", clock.instant(),
                dispatchSettings.lease(), 10_000);
        assertThat(claimedByTheDeadOne).anySatisfy(m -> assertThat(m.invoiceId()).contains(id));

        dispatcher.dispatch();
        assertThat(whatsapp.sentTo(customer)).as("while the dead dispatcher's lease holds").isEmpty();

        clock.advance(dispatchSettings.lease().plus(Duration.ofSeconds(1)));
        dispatcher.dispatch();
        dispatcher.dispatch();

        assertThat(whatsapp.sentTo(customer)).hasSize(1);
        assertThat(whatsapp.sentTo(customer).getFirst()).isInstanceOfSatisfying(ChatMessage.Buttons.class,
                invoice -> assertThat(invoice.buttons().getFirst().id()).isEqualTo("pay_" + id.value()));
        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", id.value())).containsExactly("SENT");
        assertThat(db.column("SELECT status FROM outbox WHERE invoice_id = ? AND purpose = 'INVOICE'", id.value()))
                .containsExactly("SENT");
    }

    /** What {@code CorrelationFilter} does for an HTTP request, done here around a call of the use case. */
    @Test
    void givenAnInvoiceQueuedDuringARequest_whenDispatchedLater_thenTheDispatchersLogLineCarriesTheRequestsId()
            throws IOException {
        Msisdn customer = Customers.fresh();
        String requestId = "e2e-" + UUID.randomUUID();
        InvoiceId id;
        MDC.put(CorrelationId.MDC_KEY, requestId);
        try {
            id = command(customer, "2500 " + DESCRIPTIONS.get(2));
        } finally {
            MDC.remove(CorrelationId.MDC_KEY);
        }
        String query = "SELECT %s FROM outbox WHERE invoice_id = ? AND purpose = 'INVOICE'";
        assertThat(db.column(query.formatted("correlation_id"), id.value())).containsExactly(requestId);
        String outboxId = db.column(query.formatted("id"), id.value()).getFirst();

        for (int i = 0; i < 10 && !db.column(query.formatted("status"), id.value()).contains("SENT"); i++) {
            dispatcher.dispatch();
        }

        assertThat(db.column(query.formatted("status"), id.value())).containsExactly("SENT");
        assertThat(MDC.get(CorrelationId.MDC_KEY)).as("the test thread's context afterwards").isNull();
        Pattern underTheRequestsId =
                Pattern.compile("\"correlationId\"\\s*:\\s*\"" + Pattern.quote(requestId) + "\"");
        assertThat(Files.readAllLines(LogScanTest.LOG, StandardCharsets.UTF_8))
                .filteredOn(line -> line.contains("outbox message " + outboxId))
                .singleElement()
                .satisfies(line -> assertThat(underTheRequestsId.matcher(line).find()).as(line).isTrue());
    }

    private InvoiceId command(Msisdn customer, String amountAndDescription) {
        HandleInboundMessageOutcome outcome = inbound.handle(
                merchantSays("invoice " + Customers.typed(customer) + " " + amountAndDescription));
        assertThat(outcome).isInstanceOf(HandleInboundMessageOutcome.HandledForMerchant.class);
        List<InvoiceId> created = ((HandleInboundMessageOutcome.HandledForMerchant) outcome).invoicesCreated();
        assertThat(created).hasSize(1);
        return created.getFirst();
    }

    private InboundMessage merchantSays(String text) {
        return new InboundMessage("whatsapp", "wamid.e2e-" + UUID.randomUUID(), Channel.WHATSAPP,
                Optional.of(TypedInTests.number(MERCHANT)), Optional.empty(),
                new InboundContent.Text(TypedInTests.text(text)), clock.instant());
    }
}
