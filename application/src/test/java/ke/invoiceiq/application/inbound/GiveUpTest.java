package ke.invoiceiq.application.inbound;

import static ke.invoiceiq.application.inbound.Wiring.CUSTOMER;
import static ke.invoiceiq.application.inbound.Wiring.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.InboundMessageEvent;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import org.junit.jupiter.api.Test;

/**
 * The caller's last try to handle a message failed ({@link HandleInboundMessageUseCase#giveUp}): the sender is asked,
 * on the channel they wrote on, to send it again, once; the give-up is counted; and nothing more happens when the
 * message was handled after all or is delivered again.
 */
class GiveUpTest {

    private final Wiring app = new Wiring();

    private InboundMessage sms(String id, String text) {
        return new InboundMessage("africastalking", id, Channel.SMS, Optional.of(MERCHANT), Optional.empty(),
                new InboundContent.Text(text), app.now());
    }

    @Test
    void givenAWhatsAppMessageNoTryCouldHandle_whenGivenUp_thenTheSenderIsAskedToTryAgainThereAndItIsCounted() {
        var message = app.whatsapp(CUSTOMER, new InboundContent.Text("hello"), "wamid.LOST");

        var outcome = app.giveUp(message);

        assertThat(outcome).isEqualTo(new HandleInboundMessageOutcome.GaveUp(true));
        assertThat(app.outboxTo(CUSTOMER)).singleElement().satisfies(reply -> {
            assertThat(reply.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(reply.purpose()).isEqualTo(MessagePurpose.REPLY);
            assertThat(reply.content().text()).isEqualTo("Sorry, we could not process your message. Please try again.");
        });
        assertThat(app.ports.events().published(InboundMessageEvent.GaveUp.class)).singleElement()
                .satisfies(gaveUp -> assertThat(gaveUp.channel()).isEqualTo(Channel.WHATSAPP));
    }

    @Test
    void givenAnSmsNoTryCouldHandle_whenGivenUp_thenTheAnswerGoesBackBySms() {
        app.giveUp(sms("ATXid_lost", "invoice 0712345678 2500 Cleaning"));

        assertThat(app.outboxTo(MERCHANT)).extracting(OutboxMessage::channel).containsExactly(Channel.SMS);
        assertThat(app.lastTextTo(MERCHANT)).isEqualTo(BotCopy.couldNotProcess());
        assertThat(app.invoices()).isEmpty();
        assertThat(app.ports.events().published(InboundMessageEvent.GaveUp.class)).singleElement()
                .satisfies(gaveUp -> assertThat(gaveUp.channel()).isEqualTo(Channel.SMS));
    }

    @Test
    void givenAMessageHandledAfterAll_whenGivenUp_thenNothingMoreIsSentOrCounted() {
        var message = app.whatsapp(MERCHANT, new InboundContent.Text("invoice 0712345678 2500 Cleaning"),
                "wamid.DONE");
        app.handle(message);
        int queued = app.ports.outbox().all().size();

        var outcome = app.giveUp(message);

        assertThat(outcome).isInstanceOf(HandleInboundMessageOutcome.Duplicate.class);
        assertThat(app.ports.outbox().all()).hasSize(queued);
        assertThat(app.ports.events().published(InboundMessageEvent.GaveUp.class)).isEmpty();
    }

    @Test
    void givenAMessageGivenUpOn_whenDeliveredOrGivenUpAgain_thenNothingIsHandledOrSentAgain() {
        var message = app.whatsapp(MERCHANT, new InboundContent.Text("invoice 0712345678 2500 Cleaning"),
                "wamid.LATE");
        app.giveUp(message);

        assertThat(app.handle(message)).isInstanceOf(HandleInboundMessageOutcome.Duplicate.class);
        assertThat(app.giveUp(message)).isInstanceOf(HandleInboundMessageOutcome.Duplicate.class);
        assertThat(app.invoices()).isEmpty();
        assertThat(app.outboxTo(MERCHANT)).hasSize(1);
        assertThat(app.ports.events().published(InboundMessageEvent.GaveUp.class)).hasSize(1);
    }

    @Test
    void givenASenderWithoutANumber_whenGivenUp_thenCountedWithNobodyToAnswer() {
        var message = new InboundMessage("whatsapp", "wamid.USER", Channel.WHATSAPP, Optional.empty(),
                Optional.of("US.13491208655302741918"), new InboundContent.Text("hello"), app.now());

        assertThat(app.giveUp(message)).isEqualTo(new HandleInboundMessageOutcome.GaveUp(false));
        assertThat(app.ports.outbox().all()).isEmpty();
        assertThat(app.ports.events().published(InboundMessageEvent.GaveUp.class)).hasSize(1);
    }

    @Test
    void givenAPayRequest_whenAskedWhetherItMayWaitOnAProvider_thenYesAndNoForAnythingElse() {
        assertThat(app.mayWaitOnProvider(app.whatsapp(CUSTOMER, new InboundContent.ButtonTap("pay_INV-7K3Q9X"),
                "wamid.1"))).isTrue();
        assertThat(app.mayWaitOnProvider(app.whatsapp(CUSTOMER, new InboundContent.Text("PAY INV-7K3Q9X"),
                "wamid.2"))).isTrue();
        assertThat(app.mayWaitOnProvider(app.whatsapp(CUSTOMER, new InboundContent.ButtonTap("view_INV-7K3Q9X"),
                "wamid.3"))).isFalse();
        assertThat(app.mayWaitOnProvider(app.whatsapp(MERCHANT, new InboundContent.Text("invoice 0712345678 2500 X"),
                "wamid.4"))).isFalse();
    }
}
