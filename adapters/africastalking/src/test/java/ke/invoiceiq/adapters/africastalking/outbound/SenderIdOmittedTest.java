package ke.invoiceiq.adapters.africastalking.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static ke.invoiceiq.adapters.africastalking.outbound.Answers.TO;
import static ke.invoiceiq.adapters.africastalking.outbound.Answers.form;
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

/** Without {@code sms.sender-id} no {@code from} is sent: AT then uses its shared sender. */
@QuarkusTest
@WithTestResource(value = AtSmsStub.class, initArgs = @ResourceArg(name = "sms.sender-id", value = ""))
class SenderIdOmittedTest {

    WireMockServer wiremock;

    @Inject
    AfricasTalkingSmsMessenger messenger;

    @Test
    void without_a_sender_id_the_form_has_no_from_field() {
        wiremock.stubFor(post(urlPathEqualTo(PATH)).willReturn(sent("ATXid_nofrom")));

        assertThat(messenger.send(TO, "Hello")).isEqualTo(new SendResult.Accepted("ATXid_nofrom"));

        assertThat(wiremock.findAll(postRequestedFor(urlPathEqualTo(PATH)))).singleElement()
                .satisfies(request -> assertThat(form(request)).containsOnlyKeys("username", "to", "message")
                        .containsEntry("to", "+254712345678").containsEntry("message", "Hello"));
    }
}
