package ke.invoiceiq.adapters.africastalking.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static ke.invoiceiq.adapters.africastalking.outbound.Answers.TO;
import static ke.invoiceiq.adapters.africastalking.outbound.Answers.sent;
import static ke.invoiceiq.adapters.africastalking.outbound.AtSmsStub.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ke.invoiceiq.domain.messaging.SendResult;
import org.junit.jupiter.api.Test;

/** With no api key the messenger says so and calls nobody, although AT (WireMock) would accept. */
@QuarkusTest
@WithTestResource(value = AtSmsStub.class, initArgs = @ResourceArg(name = "sms.api-key", value = ""))
class UnconfiguredSmsTest {

    WireMockServer wiremock;

    @Inject
    AfricasTalkingSmsMessenger messenger;

    @Inject
    SmsStatus status;

    @Test
    void without_an_api_key_nothing_is_sent_and_the_status_says_why() {
        wiremock.stubFor(post(urlPathEqualTo(PATH)).willReturn(sent("ATXid_never")));

        assertThat(messenger.configured()).isFalse();
        assertThat(messenger.send(TO, "Hello")).isEqualTo(new SendResult.Misconfigured("not-configured"));
        assertThat(messenger.send(TO, "Hello")).isEqualTo(new SendResult.Misconfigured("not-configured"));

        assertThat(wiremock.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(status.lastConfigurationError()).contains("not-configured");
    }
}
