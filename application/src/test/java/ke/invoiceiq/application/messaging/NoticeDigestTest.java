package ke.invoiceiq.application.messaging;

import static ke.invoiceiq.application.messaging.MessagingWorld.CUSTOMER;
import static ke.invoiceiq.application.messaging.MessagingWorld.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.application.settings.DispatchSettings;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.MessageEvent;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.OutboxStatus;
import ke.invoiceiq.domain.messaging.SendResult;
import ke.invoiceiq.domain.messaging.SmsText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Merchant notices that pile up for one staff number go as one digest: every notice ends COALESCED into a digest
 * that is sent, exactly once, and none is lost; every form of the digest fits its channel.
 */
class NoticeDigestTest {

    @Test
    void givenFiveNoticesForOneStaffNumber_whenDispatched_thenOneDigestCarriesThemAllOnce() {
        var world = new MessagingWorld();
        for (int i = 1; i <= 5; i++) {
            world.writer.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.empty(),
                    OutboundContent.text("Notice " + i + ".\nSecond line " + i + "."));
        }

        DispatchReport run = world.dispatch();

        assertThat(run.coalesced()).isEqualTo(5);
        assertThat(run.sent()).isEqualTo(1);
        assertThat(world.ports.chat().sentTo(MERCHANT)).singleElement().isEqualTo(new ChatMessage.Text(MERCHANT, """
                5 updates:
                - Notice 1. Second line 1.
                - Notice 2. Second line 2.
                - Notice 3. Second line 3.
                - Notice 4. Second line 4.
                - Notice 5. Second line 5."""));
        OutboxMessage digest = world.outbox(MERCHANT, MessagePurpose.MERCHANT_DIGEST).getFirst();
        assertThat(digest.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(digest.canFallBackToSms()).isTrue();
        assertThat(world.outbox(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).hasSize(5).allSatisfy(notice -> {
            assertThat(notice.status()).isEqualTo(OutboxStatus.COALESCED);
            assertThat(notice.coalescedInto()).contains(digest.id());
            assertThat(notice.attempts()).isZero();
        });
        assertThat(world.ports.events().published(MessageEvent.Dispatched.class)).extracting(
                MessageEvent.Dispatched::outcome).containsExactly(MessageEvent.Outcome.COALESCED,
                MessageEvent.Outcome.COALESCED, MessageEvent.Outcome.COALESCED, MessageEvent.Outcome.COALESCED,
                MessageEvent.Outcome.COALESCED, MessageEvent.Outcome.ACCEPTED);
    }

    @Test
    void givenInvoicesSentInABurst_whenTheirConfirmationsPileUpBehindPacing_thenTheyGoAsDigestsAndNoneIsLost() {
        var world = new MessagingWorld();
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            invoices.add(world.invoiceQueued(MessagingWorld.customer(i)));
        }
        var dispatcher = world.dispatcher(world.ports.outbox(), world.ports.chat(), world.ports.sms(),
                new DispatchSettings(10, world.settings.lease(), world.settings.maxAttempts(),
                        world.settings.initialBackoff(), world.settings.maxBackoff(), world.settings.pacing()));

        for (int second = 0; second < 60; second++) {
            dispatcher.dispatch();
            world.advance(Duration.ofSeconds(1));
        }

        List<ChatMessage> toMerchant = world.ports.chat().sentTo(MERCHANT);
        assertThat(toMerchant).as("a digest every 6 s at most, not thirty messages").hasSizeLessThanOrEqualTo(6);
        String everything = String.join("\n", toMerchant.stream().map(m -> ((ChatMessage.Text) m).body()).toList());
        for (Invoice invoice : invoices) {
            assertThat(everything).containsOnlyOnce("Invoice #" + invoice.id().value() + " (KES 2,500) sent to ");
        }
        assertThat(world.outbox(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).hasSize(30)
                .allSatisfy(n -> assertThat(n.status()).isIn(OutboxStatus.COALESCED, OutboxStatus.SENT));
        assertThat(world.outbox(MERCHANT, MessagePurpose.MERCHANT_DIGEST))
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(OutboxStatus.SENT));
        var carriedBy = new HashSet<String>();
        world.outbox(MERCHANT, MessagePurpose.MERCHANT_NOTICE)
                .forEach(n -> n.coalescedInto().ifPresent(carriedBy::add));
        assertThat(carriedBy).allSatisfy(id -> assertThat(world.message(id).status()).isEqualTo(OutboxStatus.SENT));
    }

    @Test
    void givenAConfirmationAlone_whenDispatched_thenItGoesAsItselfWithItsButtons() {
        var world = new MessagingWorld();
        Invoice invoice = world.invoiceQueued();

        world.dispatch();
        world.advance(Duration.ofSeconds(6));
        world.dispatch();

        assertThat(world.ports.chat().sentTo(MERCHANT)).singleElement().isInstanceOfSatisfying(
                ChatMessage.Buttons.class, m -> {
                    assertThat(m.body()).isEqualTo(BotCopy.invoiceSent(invoice.id(), invoice.amount(), CUSTOMER));
                    assertThat(m.buttons()).containsExactly(BotCopy.remindButton(invoice.id()),
                            BotCopy.cancelInvoiceButton(invoice.id()));
                });
        assertThat(world.outbox(MERCHANT, MessagePurpose.MERCHANT_DIGEST)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(NoticeDigest.Form.class)
    void givenMoreNoticesThanOneDigestHolds_whenSplitForTheFormItGoesIn_thenTheRestWaitAndThatFormFits(
            NoticeDigest.Form form) {
        List<OutboxMessage> notices = failedPaymentNotices(120);

        NoticeDigest.Split split = NoticeDigest.split(notices, form);

        assertThat(split.carried()).hasSizeGreaterThan(1);
        assertThat(split.carried().size() + split.left().size()).isEqualTo(120);
        assertThat(split.left()).isNotEmpty();
        OutboundContent digest = NoticeDigest.content(split.carried());
        switch (form) {
            case CHAT -> assertThat(digest.text().length()).isLessThanOrEqualTo(NoticeDigest.MAX_CHAT_TEXT)
                    .isGreaterThan(NoticeDigest.MAX_CHAT_TEXT - 100);
            case TEMPLATE -> assertThat(new ChatMessage.NoticeTemplate(MERCHANT,
                    NoticeDigest.templateVariable(digest.text())).notice()).isEqualTo(NoticeDigest.oneLine(
                            digest.text()));
            case SMS -> {
                assertThat(SmsText.segments(digest.smsText().orElseThrow()))
                        .isLessThanOrEqualTo(NoticeDigest.SMS_SEGMENTS);
                assertThat(SmsText.isGsm7(digest.smsText().orElseThrow())).isTrue();
            }
        }
    }

    @Test
    void givenAStaffNumberInsideItsWindow_whenNoticesPileUp_thenOneWhatsAppDigestCarriesMoreThanOneSmsWould() {
        List<OutboxMessage> notices = failedPaymentNotices(40);

        int chat = NoticeDigest.split(notices, NoticeDigest.Form.CHAT).carried().size();
        int sms = NoticeDigest.split(notices, NoticeDigest.Form.SMS).carried().size();

        // one WhatsApp message per pair interval: a digest that holds only an SMS worth falls behind a busy merchant
        assertThat(chat).isEqualTo(40);
        assertThat(sms).isLessThan(chat);
    }

    @Test
    void givenAWhatsAppDigestLongerThanOneSms_whenWhatsAppCannotDeliverIt_thenSeveralSmsCarryEveryLineAndEachFits() {
        var world = new MessagingWorld();
        for (int i = 0; i < 40; i++) {
            world.writer.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.empty(), OutboundContent.text(
                    "Payment for Invoice #INV-7K3Q%02d (KES 2,500) failed: the customer cancelled the prompt."
                            .formatted(i)));
        }
        world.ports.chat().respondWith(new SendResult.Undeliverable("131026"));

        world.dispatch();
        world.dispatch();

        OutboxMessage digest = world.outbox(MERCHANT, MessagePurpose.MERCHANT_DIGEST).stream()
                .filter(d -> d.channel() == Channel.WHATSAPP).findFirst().orElseThrow();
        assertThat(digest.status()).isEqualTo(OutboxStatus.FAILED);
        List<String> sms = world.ports.sms().sentTo(MERCHANT).stream().map(m -> m.text()).toList();
        assertThat(sms).hasSizeGreaterThan(1).allSatisfy(part -> {
            assertThat(SmsText.segments(part)).isLessThanOrEqualTo(NoticeDigest.SMS_SEGMENTS);
            assertThat(part).matches("(?s)\\d+ updates? \\(\\d+ of " + sms.size() + "\\):\n.*");
        });
        String everything = String.join("\n", sms);
        for (int i = 0; i < 40; i++) {
            assertThat(everything).containsOnlyOnce("#INV-7K3Q%02d ".formatted(i));
        }
    }

    private static List<OutboxMessage> failedPaymentNotices(int count) {
        var world = new MessagingWorld();
        for (int i = 0; i < count; i++) {
            world.writer.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.empty(), OutboundContent.text(
                    "Payment for Invoice #INV-7K%04d (KES 2,500) failed: the customer cancelled the prompt."
                            .formatted(i)));
        }
        return world.outbox(MERCHANT, MessagePurpose.MERCHANT_NOTICE);
    }

    @Test
    void givenNoticeTextWithLineBreaksAndSpaces_whenPutOnOneLine_thenEachLineEndsASentenceAndSpacesAreSingle() {
        assertThat(NoticeDigest.oneLine("Paid ✔ — Invoice #A (KES 2,500)\nReceipt:   R1\n\nThank you!\n"))
                .isEqualTo("Paid ✔ — Invoice #A (KES 2,500). Receipt: R1. Thank you!");
        assertThat(NoticeDigest.oneLine("Heads up:\n\tit is paid.")).isEqualTo("Heads up: it is paid.");
    }
}
