package ke.invoiceiq.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.SendResult;
import org.junit.jupiter.api.Test;

class RecordingMessengersTest {

    private static final Msisdn ALICE = new Msisdn("254712345678");
    private static final Msisdn BOB = new Msisdn("254112345678");

    @Test
    void chatAcceptsAndRecordsEveryMessageByDefault() {
        var chat = new RecordingChatMessenger();

        assertThat(chat.send(new ChatMessage.Text(ALICE, "one"))).isEqualTo(new SendResult.Accepted("wamid.1"));
        assertThat(chat.send(new ChatMessage.Text(BOB, "two"))).isEqualTo(new SendResult.Accepted("wamid.2"));

        assertThat(chat.sent()).containsExactly(new ChatMessage.Text(ALICE, "one"), new ChatMessage.Text(BOB, "two"));
        assertThat(chat.sentTo(BOB)).containsExactly(new ChatMessage.Text(BOB, "two"));
        assertThat(chat.hasInvoiceTemplate()).isFalse();
        chat.setTemplateConfigured(true);
        assertThat(chat.hasInvoiceTemplate()).isTrue();
    }

    @Test
    void chatUsesQueuedAnswersInOrderAndARecipientsStandingAnswerFirst() {
        var chat = new RecordingChatMessenger();
        var throttled = new SendResult.RetryLater("131056", Optional.of(Duration.ofSeconds(6)));
        var outsideWindow = new SendResult.Undeliverable("131047");
        chat.respondWith(throttled, new SendResult.Misconfigured("190"));
        chat.failFor(BOB, outsideWindow);

        assertThat(chat.send(new ChatMessage.Text(BOB, "x"))).isEqualTo(outsideWindow);
        assertThat(chat.send(new ChatMessage.Text(ALICE, "x"))).isEqualTo(throttled);
        assertThat(chat.send(new ChatMessage.Text(ALICE, "x"))).isEqualTo(new SendResult.Misconfigured("190"));
        assertThat(chat.send(new ChatMessage.Text(ALICE, "x"))).isEqualTo(new SendResult.Accepted("wamid.1"));
        assertThat(chat.send(new ChatMessage.Text(BOB, "x"))).isEqualTo(outsideWindow);
        chat.recover(BOB);
        assertThat(chat.send(new ChatMessage.Text(BOB, "x"))).isEqualTo(new SendResult.Accepted("wamid.2"));
        assertThat(chat.sent()).hasSize(6);
    }

    @Test
    void smsAcceptsByDefaultAndCanBeScripted() {
        var sms = new RecordingSmsMessenger();
        sms.failFor(BOB, new SendResult.Undeliverable("UserInBlacklist"));

        assertThat(sms.send(ALICE, "hello")).isEqualTo(new SendResult.Accepted("ATXid_1"));
        assertThat(sms.send(BOB, "hello")).isEqualTo(new SendResult.Undeliverable("UserInBlacklist"));
        sms.respondWith(new SendResult.RetryLater("InsufficientBalance", Optional.empty()));
        assertThat(sms.send(ALICE, "again")).isInstanceOf(SendResult.RetryLater.class);
        assertThat(sms.send(ALICE, "third")).isEqualTo(new SendResult.Accepted("ATXid_2"));

        assertThat(sms.sent()).extracting(RecordingSmsMessenger.Sms::text)
                .containsExactly("hello", "hello", "again", "third");
        assertThat(sms.sentTo(BOB)).containsExactly(new RecordingSmsMessenger.Sms(BOB, "hello"));
    }
}
