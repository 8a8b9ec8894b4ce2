package ke.invoiceiq.adapters.whatsapp.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static ke.invoiceiq.adapters.whatsapp.outbound.Fixtures.accepted;
import static ke.invoiceiq.adapters.whatsapp.outbound.Fixtures.freshRecipient;
import static ke.invoiceiq.adapters.whatsapp.outbound.GraphApiStub.MESSAGES_PATH;
import static ke.invoiceiq.adapters.whatsapp.outbound.GraphApiStub.SENDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.SendResult;
import org.junit.jupiter.api.Test;

/**
 * The number's throughput: {@code waba.throughput=2} becomes the sender's rate limit. The window is stretched to a
 * minute here so the test cannot straddle two windows.
 */
@QuarkusTest
@WithTestResource(value = GraphApiStub.class, initArgs = {
        @ResourceArg(name = "waba.throughput", value = "2"),
        @ResourceArg(name = "quarkus.fault-tolerance.\"" + SENDER + "\".rate-limit.window", value = "60")})
class GraphThroughputTest {

    WireMockServer wiremock;

    @Inject
    WhatsAppCloudMessenger messenger;

    @Test
    void givenThroughputOfTwo_whenThreeRecipientsMessaged_thenThirdIsDeferredWithoutHttpCall() {
        wiremock.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(accepted("wamid.TP")));

        SendResult first = messenger.send(new ChatMessage.Text(freshRecipient(), "one"));
        SendResult second = messenger.send(new ChatMessage.Text(freshRecipient(), "two"));
        SendResult third = messenger.send(new ChatMessage.Text(freshRecipient(), "three"));

        assertThat(first).isInstanceOf(SendResult.Accepted.class);
        assertThat(second).isInstanceOf(SendResult.Accepted.class);
        assertThat(third).isInstanceOfSatisfying(SendResult.Deferred.class, later -> {
            assertThat(later.reason()).isEqualTo("throughput");
            assertThat(later.after()).isPositive();
        });
        wiremock.verify(2, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
    }
}
