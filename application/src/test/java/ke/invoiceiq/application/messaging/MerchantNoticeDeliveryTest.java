package ke.invoiceiq.application.messaging;

import static ke.invoiceiq.application.messaging.MessagingWorld.CUSTOMER;
import static ke.invoiceiq.application.messaging.MessagingWorld.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.OutboxStatus;
import ke.invoiceiq.domain.messaging.SendResult;
import ke.invoiceiq.domain.messaging.SmsText;
import org.junit.jupiter.api.Test;

/**
 * Merchant notices reach the merchant wherever their WhatsApp window stands: free-form inside it, by the approved
 * merchant template outside it, else by SMS; and by SMS whenever WhatsApp cannot deliver them.
 */
class MerchantNoticeDeliveryTest {

    private static final String PAID = "Paid ✔ — Invoice #INV-7K3Q9X (KES 2,500)\nReceipt: NLJ7RT61SV\nThank you!";

    @Test
    void givenAnyMerchantNotice_whenWritten_thenItCarriesAnSmsTextInPlainGsm7() {
        var world = new MessagingWorld();

        world.writer.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.empty(), OutboundContent.text(PAID));

        assertThat(world.outbox(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement().satisfies(notice -> {
            assertThat(notice.content().smsText()).contains(
                    "Paid - Invoice #INV-7K3Q9X (KES 2,500)\nReceipt: NLJ7RT61SV\nThank you!");
            assertThat(SmsText.isGsm7(notice.content().smsText().orElseThrow())).isTrue();
            assertThat(notice.canFallBackToSms()).isTrue();
        });
    }

    @Test
    void givenStaffSilentForADayAndNoMerchantTemplate_whenANoticeIsDispatched_thenItGoesBySms() {
        var world = MessagingWorld.merchantSilent();
        world.ports.customers().recordInbound(MERCHANT, world.now().minus(Duration.ofHours(25)));
        world.writer.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.empty(), OutboundContent.text(PAID));

        DispatchReport report = world.dispatch();

        assertThat(report.sent()).isEqualTo(1);
        assertThat(world.ports.chat().sentTo(MERCHANT)).isEmpty();
        assertThat(world.ports.sms().sentTo(MERCHANT)).singleElement().satisfies(sms -> assertThat(sms.text())
                .isEqualTo("Paid - Invoice #INV-7K3Q9X (KES 2,500)\nReceipt: NLJ7RT61SV\nThank you!"));
        assertThat(world.outbox(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement().satisfies(notice -> {
            assertThat(notice.status()).isEqualTo(OutboxStatus.SENT);
            assertThat(notice.channel()).as("the channel that took it").isEqualTo(Channel.SMS);
        });
    }

    @Test
    void givenStaffWhoNeverWroteAndAMerchantTemplate_whenANoticeIsDispatched_thenTheTemplateCarriesItOnOneLine() {
        var world = MessagingWorld.merchantSilent();
        world.ports.chat().setMerchantTemplateConfigured(true);
        world.ports.chat().setTemplateConfigured(true);
        world.writer.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.empty(), OutboundContent.text(PAID));

        world.dispatch();

        assertThat(world.ports.chat().sentTo(MERCHANT)).singleElement().isEqualTo(new ChatMessage.NoticeTemplate(
                MERCHANT, "Paid ✔ — Invoice #INV-7K3Q9X (KES 2,500). Receipt: NLJ7RT61SV. Thank you!"));
        assertThat(world.ports.sms().sent()).isEmpty();
    }

    @Test
    void givenStaffWhoWroteWithinTheDay_whenANoticeIsDispatched_thenFreeFormWhatsAppWithItsButtons() {
        var world = MessagingWorld.merchantSilent();
        world.ports.chat().setMerchantTemplateConfigured(true);
        world.ports.customers().recordInbound(MERCHANT, world.now().minus(Duration.ofHours(23)));
        Invoice invoice = world.invoiceIssued(CUSTOMER);
        world.writer.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.of(invoice.id()), OutboundContent.withButtons(
                "Invoice #" + invoice.id().value() + " sent.", List.of(BotCopy.remindButton(invoice.id()))));

        world.dispatch();

        assertThat(world.ports.chat().sentTo(MERCHANT)).singleElement().isInstanceOfSatisfying(
                ChatMessage.Buttons.class,
                m -> assertThat(m.buttons()).containsExactly(BotCopy.remindButton(invoice.id())));
    }

    @Test
    void givenWhatsAppAnswersOutsideTheWindow_whenANoticeIsDispatched_thenItFallsBackToSms() {
        var world = new MessagingWorld();
        world.writer.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.empty(), OutboundContent.text(PAID));
        world.ports.chat().respondWith(new SendResult.Undeliverable("131047"));

        DispatchReport first = world.dispatch();
        DispatchReport second = world.dispatch();

        assertThat(first.fellBack()).isEqualTo(1);
        assertThat(second.sent()).isEqualTo(1);
        assertThat(world.outbox(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).extracting(OutboxMessage::channel,
                OutboxMessage::status).containsExactly(
                        tuple(Channel.WHATSAPP, OutboxStatus.FAILED), tuple(Channel.SMS, OutboxStatus.SENT));
        assertThat(world.ports.sms().sentTo(MERCHANT)).singleElement()
                .satisfies(sms -> assertThat(sms.text()).startsWith("Paid - Invoice #INV-7K3Q9X"));
    }

    @Test
    void givenAnInvoiceNoChannelDelivered_whenTheMerchantIsToldBySms_thenTheSmsNamesTheCommandNotTheButton() {
        var world = MessagingWorld.merchantSilent();
        Invoice invoice = world.invoiceQueued();
        world.ports.chat().respondWith(new SendResult.Undeliverable("131026"));
        world.ports.sms().respondWith(new SendResult.Undeliverable("403"));

        world.dispatch();
        world.dispatch();
        world.dispatch();

        assertThat(world.ports.sms().sentTo(MERCHANT)).singleElement().satisfies(sms -> assertThat(sms.text())
                .contains("could not be delivered", "send 'remind " + invoice.id().value() + "'")
                .doesNotContain("tap"));
    }
}
