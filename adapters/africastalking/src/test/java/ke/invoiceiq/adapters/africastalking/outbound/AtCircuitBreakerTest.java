package ke.invoiceiq.adapters.africastalking.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static ke.invoiceiq.adapters.africastalking.outbound.Answers.TO;
import static ke.invoiceiq.adapters.africastalking.outbound.Answers.recipient;
import static ke.invoiceiq.adapters.africastalking.outbound.Answers.sent;
import static ke.invoiceiq.adapters.africastalking.outbound.AtSmsStub.CLIENT;
import static ke.invoiceiq.adapters.africastalking.outbound.AtSmsStub.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.Optional;
import ke.invoiceiq.domain.messaging.SendResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The breaker around AT, with its 30 s delay shortened to 400 ms. */
@QuarkusTest
@WithTestResource(value = AtSmsStub.class, initArgs = {
        @ResourceArg(name = "quarkus.fault-tolerance.\"" + CLIENT + "\".circuit-breaker.delay", value = "400"),
        @ResourceArg(name = "quarkus.fault-tolerance.\"" + CLIENT + "\".circuit-breaker.delay-unit",
                value = "millis")})
class AtCircuitBreakerTest {

    WireMockServer wiremock;

    @Inject
    AfricasTalkingSmsMessenger messenger;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        wiremock.resetAll();
        breakers.resetAll();
    }

    void answer(ResponseDefinitionBuilder response) {
        wiremock.stubFor(post(urlPathEqualTo(PATH)).willReturn(response));
    }

    int reachedAt() {
        return wiremock.findAll(postRequestedFor(urlPathEqualTo(PATH))).size();
    }

    @Test
    void sustained_server_errors_open_the_breaker_which_closes_after_recovery() throws InterruptedException {
        answer(aResponse().withStatus(503));
        for (int i = 0; i < 10; i++) {
            assertThat(messenger.send(TO, "x")).isEqualTo(new SendResult.RetryLater("http-503", Optional.empty()));
        }
        assertThat(reachedAt()).isEqualTo(10);

        for (int i = 0; i < 5; i++) {
            assertThat(messenger.send(TO, "x")).as("nothing was sent: a wait, not a try")
                    .isEqualTo(new SendResult.Deferred("circuit-open", AfricasTalkingSmsMessenger.WHILE_BREAKER_OPEN));
        }
        assertThat(reachedAt()).as("an open breaker calls nobody").isEqualTo(10);

        answer(sent("ATXid_back"));
        Thread.sleep(500);
        assertThat(messenger.send(TO, "x")).isEqualTo(new SendResult.Accepted("ATXid_back"));
        assertThat(messenger.send(TO, "x")).isEqualTo(new SendResult.Accepted("ATXid_back"));
    }

    @Test
    void refusals_are_answers_and_never_open_the_breaker() {
        answer(aResponse().withStatus(401).withBody("The supplied authentication is invalid"));
        for (int i = 0; i < 12; i++) {
            assertThat(messenger.send(TO, "x")).isEqualTo(new SendResult.Misconfigured("invalid-api-key"));
        }
        answer(recipient(500, "InternalServerError", "None"));
        for (int i = 0; i < 12; i++) {
            assertThat(messenger.send(TO, "x")).isInstanceOf(SendResult.RetryLater.class);
        }
        answer(sent("ATXid_still"));

        assertThat(messenger.send(TO, "x")).isEqualTo(new SendResult.Accepted("ATXid_still"));
        assertThat(reachedAt()).isEqualTo(25);
    }
}
