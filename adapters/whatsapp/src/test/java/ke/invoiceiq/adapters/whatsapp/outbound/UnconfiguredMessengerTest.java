package ke.invoiceiq.adapters.whatsapp.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.SendResult;
import ke.invoiceiq.domain.messaging.TemplateParameters;
import org.junit.jupiter.api.Test;

/** Without a token, phone id or template the messenger never calls out and says why (no Quarkus needed). */
class UnconfiguredMessengerTest {

    private static final Msisdn TO = new Msisdn("254712345678");

    @Test
    void givenNoTokenOrPhoneId_whenSending_thenMisconfiguredAndRemembered() {
        WhatsAppStatus status = new WhatsAppStatus();
        WhatsAppCloudMessenger messenger = messenger(Optional.empty(), Optional.empty(), Optional.empty(), status);

        assertThat(messenger.send(new ChatMessage.Text(TO, "Hello")))
                .isEqualTo(new SendResult.Misconfigured("not-configured"));
        assertThat(status.lastConfigurationError()).contains("not-configured");
    }

    @Test
    void givenNoTemplateConfigured_whenAskedOrSendingTemplate_thenNoTemplateAndMisconfigured() {
        WhatsAppCloudMessenger messenger = messenger(Optional.of("1065"), Optional.of("token"), Optional.of(" "),
                new WhatsAppStatus());

        assertThat(messenger.hasInvoiceTemplate()).isFalse();
        assertThat(messenger.hasMerchantTemplate()).isFalse();
        assertThat(messenger.send(new ChatMessage.Template(TO, new TemplateParameters(List.of("x"), "PAY:1"))))
                .isEqualTo(new SendResult.Misconfigured("no-template"));
        assertThat(messenger.send(new ChatMessage.NoticeTemplate(TO, "Paid.")))
                .isEqualTo(new SendResult.Misconfigured("no-template"));
    }

    private static WhatsAppCloudMessenger messenger(Optional<String> phoneId, Optional<String> token,
            Optional<String> template, WhatsAppStatus status) {
        GraphSender sender = new GraphSender(URI.create("http://127.0.0.1:9"), "v25.0", phoneId, token,
                Duration.ofSeconds(6), 64);
        return new WhatsAppCloudMessenger(sender, status, template, "en", Optional.empty(), "sw", template, "en");
    }
}
