package ke.invoiceiq.adapters.whatsapp.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import ke.invoiceiq.adapters.memory.DirectTransactions;
import ke.invoiceiq.adapters.memory.InMemoryWebhookInbox;
import ke.invoiceiq.application.settings.RotatingSecret;
import org.junit.jupiter.api.Test;

/**
 * The resource's refusals that need another configuration than the Quarkus tests' (nothing configured) or a body
 * without a {@code Content-Length}, called directly with a direct executor.
 */
class WhatsAppWebhookResourceUnitTest {

    private final RecordingInboundMessages inbound = new RecordingInboundMessages();
    private final RecordingDeliveryReports statuses = new RecordingDeliveryReports();
    private final InMemoryWebhookInbox inbox = new InMemoryWebhookInbox();
    private final DirectTransactions transactions = new DirectTransactions();
    private final WebhookDispatcher dispatcher = new WebhookDispatcher(inbound, statuses, inbox, transactions,
            new WebhookPayloadParser(new ObjectMapper(), Optional.empty()), Clock.systemUTC(), Runnable::run,
            Runnable::run, 10, 5, Duration.ofSeconds(10));

    private WhatsAppWebhookResource resource(Optional<String> token, Optional<String> secret) {
        return new WhatsAppWebhookResource(RotatingSecret.of(token, Optional.empty()),
                RotatingSecret.of(secret, Optional.empty()), Optional.empty(), new ObjectMapper(), dispatcher, inbox,
                transactions, Clock.systemUTC());
    }

    @Test
    void givenNoVerifyTokenConfigured_whenVerified_thenForbiddenEvenForAnEmptyToken() {
        var resource = resource(Optional.empty(), Optional.of("s"));

        assertThat(resource.verify("subscribe", "", "123").getStatus()).isEqualTo(403);
        assertThat(resource.verify("subscribe", null, "123").getStatus()).isEqualTo(403);
    }

    @Test
    void givenEmptyVerifyTokenConfigured_whenVerifiedWithAnEmptyToken_thenForbidden() {
        assertThat(resource(Optional.of(""), Optional.of("s")).verify("subscribe", "", "123").getStatus())
                .isEqualTo(403);
    }

    @Test
    void givenNoAppSecretConfigured_whenPostedWithAnySignature_thenUnauthorizedAndNothingHandedOn() throws Exception {
        byte[] body = Fixtures.webhook("text");
        var resource = resource(Optional.of("t"), Optional.empty());

        assertThat(resource.receive(WebhookSignature.headerValue(body, "a-guess"), null, new ByteArrayInputStream(body))
                .getStatus()).isEqualTo(401);
        assertThat(inbound.calls()).isEmpty();
        assertThat(inbox.all()).as("nothing stored").isEmpty();
    }

    @Test
    void givenBodyOverThreeMegabytesWithoutContentLength_whenPosted_thenPayloadTooLarge() throws Exception {
        byte[] body = new byte[WhatsAppWebhookResource.MAX_BODY_BYTES + 1];
        Arrays.fill(body, (byte) ' ');
        var resource = resource(Optional.of("t"), Optional.of("s"));

        assertThat(resource.receive(WebhookSignature.headerValue(body, "s"), null, new ByteArrayInputStream(body))
                .getStatus()).isEqualTo(413);
    }

    @Test
    void givenUnreadableContentLength_whenPostedASignedBody_thenTheActualBodyDecides() throws Exception {
        byte[] body = Fixtures.webhook("text");
        var resource = resource(Optional.of("t"), Optional.of("s"));

        assertThat(resource.receive(WebhookSignature.headerValue(body, "s"), "lots", new ByteArrayInputStream(body))
                .getStatus()).isEqualTo(200);
        assertThat(inbound.messages()).hasSize(1);
        assertThat(inbox.all()).singleElement().satisfies(w -> assertThat(w.body()).isEqualTo(body));
        assertThat(inbox.countUnprocessed()).isZero();
    }

    @Test
    void givenDeclaredLengthOverThreeMegabytes_whenPosted_thenPayloadTooLargeBeforeReading() throws Exception {
        var resource = resource(Optional.of("t"), Optional.of("s"));
        var body = new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8));

        assertThat(resource.receive("sha256=00", String.valueOf(3L * 1024 * 1024 + 1), body).getStatus())
                .isEqualTo(413);
        assertThat(body.available()).as("not read").isEqualTo(2);
    }
}
