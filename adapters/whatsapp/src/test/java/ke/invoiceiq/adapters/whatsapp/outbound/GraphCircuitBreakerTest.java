package ke.invoiceiq.adapters.whatsapp.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static ke.invoiceiq.adapters.whatsapp.outbound.Fixtures.accepted;
import static ke.invoiceiq.adapters.whatsapp.outbound.Fixtures.freshRecipient;
import static ke.invoiceiq.adapters.whatsapp.outbound.Fixtures.graphError;
import static ke.invoiceiq.adapters.whatsapp.outbound.GraphApiStub.MESSAGES_PATH;
import static ke.invoiceiq.adapters.whatsapp.outbound.GraphApiStub.SENDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.SendResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The breaker around the Graph API, with its 30 s delay shortened to 400 ms. */
@QuarkusTest
@WithTestResource(value = GraphApiStub.class, initArgs = {
        @ResourceArg(name = "quarkus.fault-tolerance.\"" + SENDER + "\".circuit-breaker.delay", value = "400"),
        @ResourceArg(name = "quarkus.fault-tolerance.\"" + SENDER + "\".circuit-breaker.delay-unit",
                value = "millis")})
class GraphCircuitBreakerTest {

    WireMockServer wiremock;

    @Inject
    WhatsAppCloudMessenger messenger;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        wiremock.resetAll();
        breakers.resetAll();
    }

    @Test
    void givenSustainedServerErrors_whenSending_thenBreakerOpensStopsCallsAndClosesAfterRecovery()
            throws InterruptedException {
        wiremock.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(graphError(500, 131000)));

        // each send is three attempts (two inline retries); ten failed attempts open the breaker, during the fourth
        // send, whose last attempt the open breaker refuses
        for (int i = 0; i < 3; i++) {
            assertThat(messenger.send(text())).isInstanceOf(SendResult.RetryLater.class);
        }
        assertThat(messenger.send(text())).isInstanceOfAny(SendResult.RetryLater.class, SendResult.Deferred.class);
        int reachedGraph = wiremock.findAll(postRequestedFor(urlPathEqualTo(MESSAGES_PATH))).size();
        assertThat(reachedGraph).isEqualTo(10);

        for (int i = 0; i < 5; i++) {
            assertThat(messenger.send(text())).as("nothing was sent: a wait, not a try")
                    .isEqualTo(new SendResult.Deferred("circuit-open", WhatsAppCloudMessenger.WHILE_BREAKER_OPEN));
        }
        wiremock.verify(reachedGraph, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));

        // Graph recovers; after the delay a trial call goes through and closes the breaker
        wiremock.resetAll();
        wiremock.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(accepted("wamid.BACK")));
        Thread.sleep(600);

        assertThat(messenger.send(text())).isEqualTo(new SendResult.Accepted("wamid.BACK"));
        assertThat(messenger.send(text())).isEqualTo(new SendResult.Accepted("wamid.BACK"));
        wiremock.verify(2, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
    }

    @Test
    void givenManyRefusals_whenSending_thenBreakerStaysClosed() {
        wiremock.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(graphError(400, 131026)));

        for (int i = 0; i < 15; i++) {
            assertThat(messenger.send(text())).isEqualTo(new SendResult.Undeliverable("131026"));
        }

        wiremock.verify(15, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
    }

    private static ChatMessage text() {
        return new ChatMessage.Text(freshRecipient(), "Hello");
    }
}
