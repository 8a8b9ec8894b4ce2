package ke.invoiceiq.adapters.africastalking.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import ke.invoiceiq.adapters.memory.MutableClock;
import ke.invoiceiq.application.settings.RotatingSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** With no (or a blank) {@code sms.callback-token} every callback is refused, whatever token it presents. */
class SmsCallbackWithoutTokenTest {

    private final RecordingDeliveryReports reports = new RecordingDeliveryReports();
    private final RecordingInboundMessages messages = new RecordingInboundMessages();

    private SmsCallbackResource resource(Optional<String> configured) {
        return new SmsCallbackResource(RotatingSecret.of(configured, Optional.empty()), reports, messages,
                new MutableClock());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "null", "anything"})
    void no_configured_token_refuses_every_callback(String presented) {
        for (Optional<String> configured : List.of(Optional.<String>empty(), Optional.of(""), Optional.of("  "))) {
            SmsCallbackResource resource = resource(configured);

            assertThat(resource.deliveryReport(presented, "ATXid_1", "Success", null).getStatus()).isEqualTo(401);
            assertThat(resource.incoming(presented, "ATXid_2", "+254712345678", "PAY INV-7K3Q9X", null)
                    .getStatus()).isEqualTo(401);
        }

        assertThat(reports.reports()).isEmpty();
        assertThat(messages.messages()).isEmpty();
    }

    @Test
    void the_configured_token_is_compared_exactly_after_trimming_the_configuration() {
        SmsCallbackResource resource = resource(Optional.of("  s3cret-Token  "));

        assertThat(resource.deliveryReport("s3cret-Token", "ATXid_3", "Success", null).getStatus()).isEqualTo(200);
        assertThat(resource.deliveryReport(" s3cret-Token", "ATXid_4", "Success", null).getStatus()).isEqualTo(401);
        assertThat(resource.deliveryReport("s3cret-token", "ATXid_5", "Success", null).getStatus()).isEqualTo(401);
        assertThat(reports.reports()).hasSize(1);
    }

    @Test
    void the_token_check_works_on_utf8_bytes() {
        SmsCallbackResource resource = resource(Optional.of("tøken-ü"));

        assertThat(resource.deliveryReport("tøken-ü", "ATXid_6", "Success", null).getStatus()).isEqualTo(200);
        assertThat(resource.deliveryReport("token-u", "ATXid_7", "Success", null).getStatus()).isEqualTo(401);
        assertThat(resource.deliveryReport(null, "ATXid_8", "Success", null).getStatus()).isEqualTo(401);
        assertThat(reports.reports()).hasSize(1);
    }
}
