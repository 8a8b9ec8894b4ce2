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
}
