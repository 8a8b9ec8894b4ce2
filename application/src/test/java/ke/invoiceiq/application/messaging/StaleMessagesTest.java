package ke.invoiceiq.application.messaging;

import static ke.invoiceiq.application.messaging.MessagingWorld.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import ke.invoiceiq.application.testing.InvoicePayments;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceOutcome;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.MessageEvent;
import ke.invoiceiq.domain.messaging.MessageLogEntry;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.OutboxStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Customer nudges that lost their point while they waited are dropped at dispatch; receipts and notices are not. */
class StaleMessagesTest {

    @ParameterizedTest
    @EnumSource(value = MessagePurpose.class, names = {"REMINDER", "PAYMENT_FAILED", "INVOICE"})
    void givenANudgeQueuedThenTheInvoicePaid_whenDispatched_thenDroppedAsSkipped(MessagePurpose purpose) {
        var world = new MessagingWorld();
        Invoice invoice = world.invoiceIssued(CUSTOMER);
        world.writer.toCustomer(CUSTOMER, purpose, Optional.of(invoice.id()),
                OutboundContent.withButtons("Please pay", List.of(BotCopy.payButton(invoice.id())))
                        .withSms("Please pay"));
        world.ports.invoices().update(InvoicePayments.paid(invoice, Optional.empty(), world.now()));

        DispatchReport report = world.dispatch();

        assertThat(report.skipped()).isEqualTo(1);
        assertThat(world.ports.chat().sent()).isEmpty();
        assertThat(world.ports.sms().sent()).isEmpty();
        assertThat(world.outbox(CUSTOMER, purpose)).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.FAILED);
            assertThat(m.lastError()).contains("invoice paid");
        });
        assertThat(world.ports.messageLog().forInvoice(invoice.id())).extracting(MessageLogEntry::event)
                .containsExactly("skipped");
        assertThat(world.ports.events().published(MessageEvent.Dispatched.class)).extracting(
                MessageEvent.Dispatched::outcome).containsExactly(MessageEvent.Outcome.SKIPPED);
    }

    @Test
    void givenAReminderQueuedThenTheInvoiceCancelled_whenDispatched_thenOnlyTheCancellationNoticeGoesOut() {
        var world = new MessagingWorld();
        Invoice invoice = world.invoiceIssued(CUSTOMER);
        world.writer.toCustomer(CUSTOMER, MessagePurpose.REMINDER, Optional.of(invoice.id()),
                OutboundContent.text("Reminder: please pay"));
        Invoice cancelled = world.ports.invoices().update(world.invoice(invoice.id())
                .sendAccepted(Channel.WHATSAPP, world.now()).invoice());
        cancelled = world.ports.invoices().update(applied(cancelled.cancel(world.now())));
        String notice = BotCopy.invoiceCancelled(invoice.id(), invoice.amount());
        world.writer.toCustomer(CUSTOMER, MessagePurpose.CANCELLATION, Optional.of(cancelled.id()),
                OutboundContent.text(notice).withSms(notice));

        DispatchReport report = world.dispatch();

        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.sent()).isEqualTo(1);
        assertThat(world.ports.chat().sentTo(CUSTOMER)).singleElement()
                .isEqualTo(new ChatMessage.Text(CUSTOMER, notice));
    }

    @Test
    void givenAReceiptQueuedForAPaidInvoice_whenDispatched_thenSent() {
        var world = new MessagingWorld();
        Invoice invoice = world.invoiceIssued(CUSTOMER);
        world.ports.invoices().update(InvoicePayments.paid(invoice, Optional.empty(), world.now()));
        world.writer.toCustomer(CUSTOMER, MessagePurpose.RECEIPT, Optional.of(invoice.id()),
                OutboundContent.text(BotCopy.receipt(invoice.id(), invoice.amount(), Optional.empty())));

        DispatchReport report = world.dispatch();

        assertThat(report.sent()).isEqualTo(1);
        assertThat(world.outbox(CUSTOMER, MessagePurpose.RECEIPT)).extracting(OutboxMessage::status)
                .containsExactly(OutboxStatus.SENT);
    }

    private static Invoice applied(InvoiceOutcome outcome) {
        return ((InvoiceOutcome.Applied) outcome).invoice();
    }
}
