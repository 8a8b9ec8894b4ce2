package ke.invoiceiq.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.api.Test;

/** The simulated webhooks have Meta's shapes (docs/whatsapp.md) and Meta's signature (docs/whatsapp.md). */
class WebhookBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Msisdn FROM = new Msisdn("254712345678");
    private static final Instant AT = Instant.parse("2026-11-22T03:24:41Z");
    private static final WebhookBodies BODIES = new WebhookBodies("106540352242922");

    @Test
    void givenAText_thenTheEnvelopeCarriesOneMessageForTheBusinessNumber() throws IOException {
        JsonNode root = JSON.readTree(BODIES.text(FROM, "Sandbox merchant", "wamid.SBX1", "invoice 0712345678 2500 x",
                AT));

        assertThat(root.path("object").asText()).isEqualTo("whatsapp_business_account");
        JsonNode change = root.path("entry").get(0).path("changes").get(0);
        assertThat(change.path("field").asText()).isEqualTo("messages");
        JsonNode value = change.path("value");
        assertThat(value.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(value.path("metadata").path("phone_number_id").asText()).isEqualTo("106540352242922");
        assertThat(value.path("contacts").get(0).path("wa_id").asText()).isEqualTo("254712345678");
        JsonNode message = value.path("messages").get(0);
        assertThat(message.path("from").asText()).isEqualTo("254712345678");
        assertThat(message.path("id").asText()).isEqualTo("wamid.SBX1");
        assertThat(message.path("timestamp").isTextual()).as("Unix seconds in a string").isTrue();
        assertThat(message.path("timestamp").asText()).isEqualTo(Long.toString(AT.getEpochSecond()));
        assertThat(message.path("type").asText()).isEqualTo("text");
        assertThat(message.path("text").path("body").asText()).isEqualTo("invoice 0712345678 2500 x");
    }

    @Test
    void givenAButtonTap_thenItIsAnInteractiveButtonReplyInTheContextOfTheMessage() throws IOException {
        JsonNode message = JSON.readTree(BODIES.buttonReply(FROM, "c", "wamid.SBX2", Optional.of("wamid.SBXCTX"),
                "pay_INV-7K3Q9X", "Pay with M-PESA", AT)).at("/entry/0/changes/0/value/messages/0");

        assertThat(message.path("type").asText()).isEqualTo("interactive");
        assertThat(message.path("context").path("id").asText()).isEqualTo("wamid.SBXCTX");
        assertThat(message.path("interactive").path("type").asText()).isEqualTo("button_reply");
        assertThat(message.path("interactive").path("button_reply").path("id").asText()).isEqualTo("pay_INV-7K3Q9X");
        assertThat(message.path("interactive").path("button_reply").path("title").asText())
                .isEqualTo("Pay with M-PESA");
    }

    @Test
    void givenATapWithoutAKnownMessage_thenThereIsNoContext() throws IOException {
        JsonNode message = JSON.readTree(BODIES.buttonReply(FROM, "c", "wamid.SBX2", Optional.empty(), "pay_x", "x",
                AT)).at("/entry/0/changes/0/value/messages/0");
        assertThat(message.has("context")).isFalse();
    }

    @Test
    void givenATemplateQuickReply_thenItIsTypeButtonWithThePayload() throws IOException {
        JsonNode message = JSON.readTree(BODIES.templateButton(FROM, "c", "wamid.SBX3", Optional.of("wamid.T"),
                "pay_INV-7K3Q9X", "Pay with M-PESA", AT)).at("/entry/0/changes/0/value/messages/0");
        assertThat(message.path("type").asText()).isEqualTo("button");
        assertThat(message.path("button").path("payload").asText()).isEqualTo("pay_INV-7K3Q9X");
        assertThat(message.path("button").path("text").asText()).isEqualTo("Pay with M-PESA");
    }

    @Test
    void givenAStatus_thenItNamesTheMessageTheRecipientAndTheStatus() throws IOException {
        JsonNode status = JSON.readTree(BODIES.status("wamid.SBX4", "delivered", FROM, AT, Optional.empty()))
                .at("/entry/0/changes/0/value/statuses/0");
        assertThat(status.path("id").asText()).isEqualTo("wamid.SBX4");
        assertThat(status.path("status").asText()).isEqualTo("delivered");
        assertThat(status.path("recipient_id").asText()).isEqualTo("254712345678");
        assertThat(status.path("timestamp").asText()).isEqualTo(Long.toString(AT.getEpochSecond()));
        assertThat(status.has("errors")).isFalse();
    }

    @Test
    void givenAFailedStatus_thenItCarriesMetasErrorElement() throws IOException {
        JsonNode status = JSON.readTree(BODIES.status("wamid.SBX5", "failed", FROM, AT, Optional.of(131026)))
                .at("/entry/0/changes/0/value/statuses/0");
        assertThat(status.path("errors").get(0).path("code").asInt()).isEqualTo(131026);
        assertThat(status.has("pricing")).isFalse();
    }

    @Test
    void givenNonAsciiText_thenItIsEscapedAsMetaDeliversIt_andReadsBackTheSame() throws IOException {
        byte[] body = BODIES.text(FROM, "c", "wamid.SBX6", "Café 🧹 Karibu", AT);

        String raw = new String(body, StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("é", "🧹");
        assertThat(raw.toLowerCase(java.util.Locale.ROOT)).contains("caf\\u00e9", "\\ud83e\\uddf9");
        assertThat(raw.chars().allMatch(c -> c < 128)).as("ASCII only").isTrue();
        assertThat(JSON.readTree(body).at("/entry/0/changes/0/value/messages/0/text/body").asText())
                .isEqualTo("Café 🧹 Karibu");
    }

    @Test
    void givenABody_whenSigned_thenTheSignatureIsTheHmacOfTheExactBytesWithTheAppSecret() {
        byte[] body = BODIES.text(FROM, "c", "wamid.SBX7", "invoice 0712345678 2500 Cleaning", AT);

        String signature = WebhookSigner.signature(body, "app-secret-0123");

        assertThat(signature).matches("sha256=[0-9a-f]{64}");
        assertThat(signature).isEqualTo(Hmac.metaSignature(body, "app-secret-0123"));
        assertThat(signature).isNotEqualTo(Hmac.metaSignature(body, "another-secret"));
        byte[] changed = body.clone();
        changed[changed.length - 3] ^= 1;
        assertThat(signature).isNotEqualTo(Hmac.metaSignature(changed, "app-secret-0123"));
    }

    @Test
    void givenMetasPublishedExample_whenSigned_thenTheKnownDigestComesOut() {
        // HMAC-SHA256 of "The quick brown fox jumps over the lazy dog" with key "key" (RFC 4231-style test vector)
        String signature = WebhookSigner.signature(
                "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8), "key");
        assertThat(signature)
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }
}
