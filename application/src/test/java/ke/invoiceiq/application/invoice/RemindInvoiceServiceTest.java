package ke.invoiceiq.application.invoice;

import static ke.invoiceiq.application.inbound.Wiring.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import ke.invoiceiq.application.inbound.Wiring;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Refusal;
import ke.invoiceiq.domain.invoice.ReminderPolicy;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import org.junit.jupiter.api.Test;

class RemindInvoiceServiceTest {

    private final Wiring app = new Wiring();
    private final RemindInvoiceService remind = new RemindInvoiceService(app.ports.invoices(), app.outbox,
            app.ports.transactions(), app.ports.events(), app.ports.clock(), app.merchant,
            new ReminderPolicy(Duration.ofHours(1), 2));

    @Test
    void givenReminderJustSent_whenRemindAgain_thenRefusedWithWhenItIsAllowed() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        Invoice reminded = ((RemindInvoiceOutcome.Reminded) remind.remind(new RemindInvoiceCommand(invoice.id())))
                .invoice();

        var outcome = remind.remind(new RemindInvoiceCommand(invoice.id()));

        assertThat(outcome).isEqualTo(new RemindInvoiceOutcome.Refused(reminded, Refusal.REMINDED_RECENTLY,
                java.util.Optional.of(app.now().plus(Duration.ofHours(1)))));
        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.REMINDER)).hasSize(1);
    }

    @Test
    void givenReminderLimitReached_whenRemind_thenRefused() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        remind.remind(new RemindInvoiceCommand(invoice.id()));
        app.ports.clock().advance(Duration.ofHours(2));
        remind.remind(new RemindInvoiceCommand(invoice.id()));
        app.ports.clock().advance(Duration.ofHours(2));

        var outcome = remind.remind(new RemindInvoiceCommand(invoice.id()));

        assertThat(outcome).isInstanceOfSatisfying(RemindInvoiceOutcome.Refused.class,
                r -> assertThat(r.refusal()).isEqualTo(Refusal.REMINDER_LIMIT_REACHED));
        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.REMINDER)).hasSize(2);
    }

    @Test
    void givenFailedInvoice_whenRemind_thenRedeliveredAsTheInvoiceItself() {
        Invoice invoice = app.failed(app.issued(CUSTOMER, 2500, "Cleaning"));

        var outcome = remind.remind(new RemindInvoiceCommand(invoice.id()));

        assertThat(outcome).isInstanceOf(RemindInvoiceOutcome.Redelivered.class);
        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.INVOICE)).hasSize(2)
                .allSatisfy(m -> assertThat(m.content().smsText()).isPresent());
    }

    @Test
    void givenUnknownId_whenRemind_thenNotFound() {
        InvoiceId unknown = new InvoiceId("INV-ZZZZZZ");

        assertThat(remind.remind(new RemindInvoiceCommand(unknown))).isEqualTo(new RemindInvoiceOutcome.NotFound(unknown));
    }
}
