package ke.invoiceiq.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboxMessageTest {

    private static final Msisdn TO = new Msisdn("254712345678");
    private static final Instant NOW = Instant.parse("2026-03-02T06:00:00Z");

    private static OutboxMessage queued(Optional<String> correlationId) {
        return OutboxMessage.queue("m-1", TO, MessagePurpose.REPLY, Optional.empty(), Channel.WHATSAPP,
                OutboundContent.text("hello"), NOW, correlationId);
    }

    @Test
    void givenNoCorrelationId_whenQueued_thenItHasNone() {
        assertThat(OutboxMessage.queue("m-1", TO, MessagePurpose.REPLY, Optional.empty(), Channel.WHATSAPP,
                OutboundContent.text("hello"), NOW).correlationId()).isEmpty();
        assertThat(queued(Optional.empty()).correlationId()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "req.1:x=y_z",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void givenAPlainTokenOfAtMost64Characters_whenQueued_thenItIsKept(String id) {
        assertThat(queued(Optional.of(id)).correlationId()).contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a\nb", "a\r\nINFO forged", "x;y", "<script>",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void givenAnythingElse_whenQueued_thenRefused(String id) {
        assertThatThrownBy(() -> queued(Optional.of(id))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenANullCorrelationId_whenBuilt_thenRefused() {
        assertThatThrownBy(() -> queued(null)).isInstanceOf(NullPointerException.class);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(OutboxStatus.class)
    void givenAMessageInEachStatus_whenAnOperatorRetriesOrAbandonsIt_thenOnlyAFailedOneChanges(OutboxStatus status) {
        OutboxMessage message = inStatus(status);

        Optional<OutboxMessage> retried = message.retriedByOperator(NOW.plusSeconds(600));
        Optional<OutboxMessage> abandoned = message.abandonedByOperator();

        if (status == OutboxStatus.FAILED) {
            assertThat(retried.orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(retried.orElseThrow().attempts()).isZero();
            assertThat(retried.orElseThrow().nextAttemptAt()).isEqualTo(NOW.plusSeconds(600));
            assertThat(retried.orElseThrow().lastError()).isEqualTo(message.lastError());
            assertThat(abandoned.orElseThrow().status()).isEqualTo(OutboxStatus.ABANDONED);
            assertThat(abandoned.orElseThrow().attempts()).isEqualTo(message.attempts());
            assertThat(abandoned.orElseThrow().status().isOpen()).isFalse();
        } else {
            assertThat(retried).isEmpty();
            assertThat(abandoned).isEmpty();
        }
    }

    private static OutboxMessage inStatus(OutboxStatus status) {
        return new OutboxMessage("m-1", TO, MessagePurpose.INVOICE, Optional.empty(), Channel.WHATSAPP,
                OutboundContent.text("hello"), status, 5, NOW, Optional.empty(), Optional.empty(),
                Optional.of("131026 undeliverable"), NOW, Optional.empty(),
                status == OutboxStatus.COALESCED ? Optional.of("digest-1") : Optional.empty());
    }
}
