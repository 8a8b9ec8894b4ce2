package ke.invoiceiq.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.api.Test;

/** The values that carry WhatsApp's limits and waits refuse what would switch a limit off or break Meta's rules. */
class SendingRulesTest {

    private static final Msisdn MERCHANT = new Msisdn("254700000001");

    @Test
    void givenAZeroPairIntervalOrThroughput_whenPacingIsMade_thenRefused() {
        assertThatThrownBy(() -> new Pacing(Duration.ZERO, 80)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pacing(Duration.ofSeconds(6), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Pacing(Duration.ofMillis(300), 1).pairInterval()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void givenAWait_whenDeferred_thenItIsAnOutcomeOfItsOwnNeverARetry() {
        var deferred = new SendResult.Deferred("paced", Duration.ofSeconds(6));

        assertThat(MessageEvent.Outcome.of(deferred)).isEqualTo(MessageEvent.Outcome.DEFERRED);
        assertThatThrownBy(() -> new SendResult.Deferred("paced", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenANoticeForTheTemplate_whenItHasALineBreakATabFiveSpacesOrIsTooLong_thenRefused() {
        assertThat(new ChatMessage.NoticeTemplate(MERCHANT, "Paid ✔ — Invoice #A. Receipt: R.").notice())
                .isEqualTo("Paid ✔ — Invoice #A. Receipt: R.");
        assertThatThrownBy(() -> new ChatMessage.NoticeTemplate(MERCHANT, "Paid\nReceipt"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChatMessage.NoticeTemplate(MERCHANT, "Paid\tReceipt"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChatMessage.NoticeTemplate(MERCHANT, "Paid     Receipt"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChatMessage.NoticeTemplate(MERCHANT,
                "x".repeat(ChatMessage.NoticeTemplate.MAX_NOTICE + 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenACoalescedStatus_whenTheMessageNamesNoDigest_thenRefused() {
        var queued = OutboxMessage.queue("m-1", MERCHANT, MessagePurpose.MERCHANT_NOTICE, Optional.empty(),
                Channel.WHATSAPP, OutboundContent.text("notice"), Instant.EPOCH);

        assertThatThrownBy(() -> new OutboxMessage(queued.id(), queued.recipient(), queued.purpose(),
                queued.invoiceId(), queued.channel(), queued.content(), OutboxStatus.COALESCED, 0,
                queued.nextAttemptAt(), queued.providerMessageId(), queued.delivery(), queued.lastError(),
                queued.createdAt(), queued.correlationId())).isInstanceOf(IllegalArgumentException.class);
        assertThat(OutboxStatus.COALESCED.isOpen()).isFalse();
    }
}
