package ke.invoiceiq.application.messaging;

import static ke.invoiceiq.application.messaging.MessagingWorld.CUSTOMER;
import static ke.invoiceiq.application.messaging.MessagingWorld.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.DeliveryStatus;
import ke.invoiceiq.domain.messaging.EarlyDeliveryReport;
import ke.invoiceiq.domain.messaging.MessageLogEntry;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.OutboxStatus;
import ke.invoiceiq.domain.messaging.SendResult;
import org.junit.jupiter.api.Test;

class RecordDeliveryStatusServiceTest {

    @Test
    void givenAnUnknownProviderIdReportedLongAgo_whenReported_thenIgnoredAndNotKept() {
        var world = new MessagingWorld();

        DeliveryOutcome outcome = world.deliveryReports.record(new DeliveryReport(Channel.WHATSAPP, "wamid.nope",
                DeliveryStatus.READ, Optional.empty(), world.now().minus(Duration.ofHours(1))));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Ignored.class);
        assertThat(world.ports.outbox().held()).isEmpty();
    }

    @Test
    void givenAnUnknownProviderIdReportedJustNow_whenReported_thenHeldForItsSend() {
        var world = new MessagingWorld();

        DeliveryOutcome outcome = world.deliveryReports.record(
                report(world, Channel.WHATSAPP, "wamid.soon", DeliveryStatus.FAILED));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Held.class);
        assertThat(world.ports.outbox().held()).singleElement()
                .satisfies(held -> assertThat(held.providerMessageId()).isEqualTo("wamid.soon"));
    }

    @Test
    void givenRead_whenALateDeliveredArrives_thenStaleAndNothingChanges() {
        var world = new MessagingWorld();
        Invoice invoice = world.invoiceQueued();
        world.dispatch();

        DeliveryOutcome delivered = world.deliveryReports.record(
                report(world, Channel.WHATSAPP, "wamid.1", DeliveryStatus.DELIVERED));
        DeliveryOutcome read = world.deliveryReports.record(
                report(world, Channel.WHATSAPP, "wamid.1", DeliveryStatus.READ));
        DeliveryOutcome late = world.deliveryReports.record(
                report(world, Channel.WHATSAPP, "wamid.1", DeliveryStatus.DELIVERED));

        assertThat(delivered).isEqualTo(new DeliveryOutcome.Recorded(DeliveryStatus.DELIVERED));
        assertThat(read).isEqualTo(new DeliveryOutcome.Recorded(DeliveryStatus.READ));
        assertThat(late).isInstanceOf(DeliveryOutcome.Stale.class);
        assertThat(world.outbox(CUSTOMER, MessagePurpose.INVOICE).getFirst().delivery()).contains(DeliveryStatus.READ);
        assertThat(world.ports.messageLog().forInvoice(invoice.id())).extracting(MessageLogEntry::event)
                .containsExactly("sent", "delivery_delivered", "delivery_read");
    }

    @Test
    void givenWhatsAppFailsAfterAccepting_whenReported_thenSmsCopyQueued() {
        var world = new MessagingWorld();
        Invoice invoice = world.invoiceQueued();
        world.dispatch();

        DeliveryOutcome outcome = world.deliveryReports.record(new DeliveryReport(Channel.WHATSAPP, "wamid.1",
                DeliveryStatus.FAILED, Optional.of("131026"), world.now()));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.FellBackToSms.class);
        assertThat(world.outbox(Channel.SMS)).singleElement().satisfies(sms -> {
            assertThat(sms.purpose()).isEqualTo(MessagePurpose.INVOICE);
            assertThat(sms.content().smsText()).contains(MessagingWorld.smsText(invoice));
        });
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.SENT);
    }

    @Test
    void givenSmsFallbackFailsToo_whenReported_thenInvoiceFailedAndMerchantTold() {
        var world = new MessagingWorld();
        Invoice invoice = world.invoiceQueued();
        world.ports.chat().respondWith(new SendResult.Undeliverable("131026"));
        world.dispatch();
        world.dispatch();

        DeliveryOutcome outcome = world.deliveryReports.record(new DeliveryReport(Channel.SMS, "ATXid_1",
                DeliveryStatus.FAILED, Optional.of("AbsentSubscriber"), world.now()));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Recorded(DeliveryStatus.FAILED));
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.FAILED);
        assertThat(world.outbox(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).last()
                .satisfies(m -> assertThat(m.content().text()).contains(invoice.id().value(), "KES 2,500"));
        assertThat(world.ports.events().published(InvoiceEvent.DeliveryFailed.class)).hasSize(1);
    }

    @Test
    void givenWhatsAppMessageWithoutSmsText_whenItFails_thenNoFallbackAndNothingElseForNonInvoices() {
        var world = new MessagingWorld();
        world.writer.toCustomer(CUSTOMER, MessagePurpose.REPLY, Optional.empty(), OutboundContent.text("Hi"));
        world.dispatch();

        DeliveryOutcome outcome = world.deliveryReports.record(
                report(world, Channel.WHATSAPP, "wamid.1", DeliveryStatus.FAILED));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Recorded(DeliveryStatus.FAILED));
        assertThat(world.outbox()).hasSize(1);
    }

    @Test
    void givenFailedInvoice_whenALaterChannelDelivers_thenSentAndMerchantConfirmed() {
        var world = new MessagingWorld();
        Invoice invoice = world.invoiceQueued();
        world.dispatch();
        world.ports.invoices().update(world.invoice(invoice.id()).deliveryFailedOnEveryChannel(world.now()).invoice());

        DeliveryOutcome outcome = world.deliveryReports.record(
                report(world, Channel.WHATSAPP, "wamid.1", DeliveryStatus.DELIVERED));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Recorded(DeliveryStatus.DELIVERED));
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(world.outbox(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).last().satisfies(m -> assertThat(
                m.content().text()).isEqualTo(BotCopy.invoiceSent(invoice.id(), invoice.amount(), CUSTOMER)));
    }

    @Test
    void givenWhatsAppAcceptedThenFailed_whenTheSmsFallbackIsAccepted_thenTheInvoiceRecordsSmsAsItsChannel() {
        var world = new MessagingWorld();
        Invoice invoice = world.invoiceQueued();
        world.dispatch();
        world.deliveryReports.record(new DeliveryReport(Channel.WHATSAPP, "wamid.1", DeliveryStatus.FAILED,
                Optional.of("131026"), world.now()));

        world.dispatch();

        Invoice reached = world.invoice(invoice.id());
        assertThat(reached.status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(reached.deliveryChannel()).contains(Channel.SMS);
        assertThat(world.ports.events().published(InvoiceEvent.Sent.class)).as("told as sent once").hasSize(1);
        assertThat(world.outbox(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).as("the merchant was told once")
                .hasSize(1);
    }

    @Test
    void givenAFailedStatusBeforeTheSendIsRecorded_whenTheSendIsRecorded_thenTheSmsFallbackFollows() {
        var world = new MessagingWorld();
        Invoice invoice = world.invoiceQueued();
        var early = new ArrayList<DeliveryOutcome>();
        ChatMessenger reportsBeforeAnswering = new ChatMessenger() {
            @Override
            public SendResult send(ChatMessage message) {
                SendResult accepted = world.ports.chat().send(message);
                String wamid = ((SendResult.Accepted) accepted).providerMessageId();
                early.add(world.deliveryReports.record(new DeliveryReport(Channel.WHATSAPP, wamid,
                        DeliveryStatus.FAILED, Optional.of("131026"), world.now())));
                return accepted;
            }

            @Override
            public boolean hasInvoiceTemplate() {
                return false;
            }
        };

        world.dispatcher(world.ports.outbox(), reportsBeforeAnswering, world.ports.sms()).dispatch();

        assertThat(early).singleElement().isInstanceOf(DeliveryOutcome.Held.class);
        assertThat(world.outbox(CUSTOMER, MessagePurpose.INVOICE)).filteredOn(m -> m.channel() == Channel.WHATSAPP)
                .singleElement().satisfies(m -> assertThat(m.delivery()).contains(DeliveryStatus.FAILED));
        assertThat(world.outbox(Channel.SMS)).filteredOn(m -> m.purpose() == MessagePurpose.INVOICE).singleElement()
                .satisfies(sms -> assertThat(sms.content().smsText()).contains(MessagingWorld.smsText(invoice)));
        assertThat(world.ports.outbox().held()).isEmpty();
    }

    @Test
    void givenAReportHeldWhileItsSendWasBeingRecorded_whenTheNextRunStarts_thenItIsApplied() {
        var world = new MessagingWorld();
        world.invoiceQueued();
        world.dispatch();
        // as if the report had been held just before the recording committed, out of its sight
        world.ports.outbox().holdReport(new EarlyDeliveryReport(Channel.WHATSAPP, "wamid.1", DeliveryStatus.FAILED,
                Optional.of("131026"), world.now(), world.now()));

        DispatchReport next = world.dispatch();

        assertThat(world.ports.outbox().held()).isEmpty();
        assertThat(world.outbox(CUSTOMER, MessagePurpose.INVOICE)).extracting(m -> m.channel(), m -> m.status())
                .contains(tuple(Channel.SMS, OutboxStatus.SENT));
        assertThat(next.sent()).isPositive();
    }

    private static DeliveryReport report(MessagingWorld world, Channel channel, String id, DeliveryStatus status) {
        return new DeliveryReport(channel, id, status, Optional.empty(), world.now());
    }
}
