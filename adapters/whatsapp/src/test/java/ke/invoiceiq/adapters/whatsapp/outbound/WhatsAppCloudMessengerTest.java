package ke.invoiceiq.adapters.whatsapp.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Button;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.SendResult;
import ke.invoiceiq.domain.messaging.TemplateParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The messenger against WireMock playing the Graph API: request bodies, headers, error codes, retries, pacing. */
@QuarkusTest
@WithTestResource(value = GraphApiStub.class, initArgs = {
        @ResourceArg(name = "quarkus.fault-tolerance.\"" + SENDER + "\".timeout.value", value = "2500"),
        @ResourceArg(name = "quarkus.fault-tolerance.\"" + SENDER + "\".timeout.unit", value = "millis")})
class WhatsAppCloudMessengerTest {

    WireMockServer wiremock;

    @Inject
    WhatsAppCloudMessenger messenger;

    @Inject
    WhatsAppStatus status;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void resetStubAndBreaker() {
        wiremock.resetAll();
        breakers.resetAll();
    }

    @Test
    void givenTextMessage_whenSent_thenDocumentedTextBodyWithBearerTokenAndAccepted() {
        Msisdn to = freshRecipient();
        wiremock.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(accepted("wamid.TEXT1")));

        SendResult result = messenger.send(new ChatMessage.Text(to, "Hello from InvoiceIQ"));

        assertThat(result).isEqualTo(new SendResult.Accepted("wamid.TEXT1"));
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH))
                .withHeader("Authorization", equalTo("Bearer " + GraphApiStub.TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s",
                         "type":"text","text":{"preview_url":false,"body":"Hello from InvoiceIQ"}}"""
                        .formatted(to.value()))));
    }

    @Test
    void givenButtonsMessage_whenSent_thenInteractiveReplyButtonsBody() {
        Msisdn to = freshRecipient();
        wiremock.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(accepted("wamid.BTN1")));

        SendResult result = messenger.send(new ChatMessage.Buttons(to, "Invoice INV-7 for KES 2,500",
                List.of(new Button("PAY:INV-7", "Pay with M-PESA"), new Button("LATER:INV-7", "Later"))));

        assertThat(result).isEqualTo(new SendResult.Accepted("wamid.BTN1"));
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"interactive",
                 "interactive":{"type":"button","body":{"text":"Invoice INV-7 for KES 2,500"},
                   "action":{"buttons":[
                     {"type":"reply","reply":{"id":"PAY:INV-7","title":"Pay with M-PESA"}},
                     {"type":"reply","reply":{"id":"LATER:INV-7","title":"Later"}}]}}}"""
                .formatted(to.value()))));
    }

    @Test
    void givenButtonsWithTooLongBody_whenSent_thenBodyCutTo1024WithEllipsis() {
        Msisdn to = freshRecipient();
        wiremock.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(accepted("wamid.BTN2")));
        String body = "x".repeat(1022) + "😀😀"; // 1024 code points would fit; make it 1025 with one more
        String tooLong = body + "y";

        messenger.send(new ChatMessage.Buttons(to, tooLong, List.of(new Button("PAY:INV-8", "Pay"))));

        String expected = "x".repeat(1022) + "😀" + "…";
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"interactive",
                 "interactive":{"type":"button","body":{"text":"%s"},
                   "action":{"buttons":[{"type":"reply","reply":{"id":"PAY:INV-8","title":"Pay"}}]}}}"""
                .formatted(to.value(), expected))));
    }

    @Test
    void givenTemplateMessage_whenSent_thenTemplateBodyWithQuickReplyPayload() {
        Msisdn to = freshRecipient();
        wiremock.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(accepted("wamid.TPL1")));

        SendResult result = messenger.send(new ChatMessage.Template(to,
                new TemplateParameters(List.of("Acme Cleaning", "KES 2,500", "INV-7"), "PAY:INV-7")));

        assertThat(messenger.hasInvoiceTemplate()).isTrue();
        assertThat(result).isEqualTo(new SendResult.Accepted("wamid.TPL1"));
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"template",
                 "template":{"name":"invoice_pay_mpesa","language":{"policy":"deterministic","code":"en"},
                   "components":[
                     {"type":"body","parameters":[{"type":"text","text":"Acme Cleaning"},
                        {"type":"text","text":"KES 2,500"},{"type":"text","text":"INV-7"}]},
                     {"type":"button","sub_type":"quick_reply","index":"0",
                      "parameters":[{"type":"payload","payload":"PAY:INV-7"}]}]}}"""
                .formatted(to.value()))));
    }

    @Test
    void givenATemplateWrittenInSwahili_whenSent_thenTheSameTemplateGoesWithTheSwahiliLanguageCode() {
        Msisdn to = freshRecipient();
        wiremock.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(accepted("wamid.TPL2")));

        SendResult result = messenger.send(new ChatMessage.Template(to,
                new TemplateParameters(List.of("Mteja", "2,500", "INV-7"), "PAY:INV-7", Language.SW)));

        assertThat(result).isEqualTo(new SendResult.Accepted("wamid.TPL2"));
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"template",
                 "template":{"name":"invoice_pay_mpesa","language":{"policy":"deterministic","code":"sw"},
                   "components":[
                     {"type":"body","parameters":[{"type":"text","text":"Mteja"},
                        {"type":"text","text":"2,500"},{"type":"text","text":"INV-7"}]},
                     {"type":"button","sub_type":"quick_reply","index":"0",
                      "parameters":[{"type":"payload","payload":"PAY:INV-7"}]}]}}"""
                .formatted(to.value()))));
    }

    static Stream<Arguments> errorCodes() {
        return Stream.of(
                // nothing was sent: wait, not retried inline and no try counted (throttling and maintenance)
                Arguments.of(429, 130429, new SendResult.Deferred("130429", Duration.ofSeconds(1)), 1),
                Arguments.of(400, 131056, new SendResult.Deferred("131056", Duration.ofSeconds(6)), 1),
                Arguments.of(400, 131057, new SendResult.Deferred("131057", Duration.ofMinutes(1)), 1),
                Arguments.of(400, 4, new SendResult.Deferred("4", Duration.ofMinutes(1)), 1),
                // retry later after two inline retries (transient)
                Arguments.of(500, 131000, new SendResult.RetryLater("131000", Optional.empty()), 3),
                Arguments.of(503, 131016, new SendResult.RetryLater("131016", Optional.empty()), 3),
                Arguments.of(500, 2, new SendResult.RetryLater("2", Optional.empty()), 3),
                // undeliverable: the dispatcher falls back to SMS
                Arguments.of(400, 131026, new SendResult.Undeliverable("131026"), 1),
                Arguments.of(400, 131047, new SendResult.Undeliverable("131047"), 1),
                Arguments.of(400, 131051, new SendResult.Undeliverable("131051"), 1),
                // configuration errors
                Arguments.of(401, 0, new SendResult.Misconfigured("0"), 1),
                Arguments.of(401, 190, new SendResult.Misconfigured("190"), 1),
                Arguments.of(403, 10, new SendResult.Misconfigured("10"), 1),
                Arguments.of(403, 200, new SendResult.Misconfigured("200"), 1),
                Arguments.of(400, 100, new SendResult.Misconfigured("100"), 1),
                Arguments.of(400, 132000, new SendResult.Misconfigured("132000"), 1),
                Arguments.of(404, 132001, new SendResult.Misconfigured("132001"), 1),
                Arguments.of(400, 132015, new SendResult.Misconfigured("132015"), 1),
                Arguments.of(400, 131031, new SendResult.Misconfigured("131031"), 1));
    }

    @ParameterizedTest(name = "HTTP {0} code {1} → {2} after {3} request(s)")
    @MethodSource("errorCodes")
    void givenGraphErrorCode_whenSent_thenMappedSendResultAndOnlyRetryableRetried(int httpStatus, int code,
            SendResult expected, int expectedRequests) {
        wiremock.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(graphError(httpStatus, code)));

        SendResult result = messenger.send(new ChatMessage.Text(freshRecipient(), "Hello"));

        assertThat(result).isEqualTo(expected);
        wiremock.verify(expectedRequests, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        if (expected instanceof SendResult.Misconfigured misconfigured) {
            assertThat(status.lastConfigurationError()).contains(misconfigured.code());
        }
    }

    @Test
    void givenServerErrorWithoutEnvelope_whenSent_thenRetriedThenRetryLater() {
        wiremock.stubFor(post(urlPathEqualTo(MESSAGES_PATH))
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

        SendResult result = messenger.send(new ChatMessage.Text(freshRecipient(), "Hello"));

        assertThat(result).isEqualTo(new SendResult.RetryLater("http-502", Optional.empty()));
        wiremock.verify(3, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
    }

    @Test
    void givenTransientErrorThenSuccess_whenSent_thenRetriedInlineAndAccepted() {
        wiremock.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).inScenario("flaky")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(graphError(500, 131000)).willSetStateTo("recovered"));
        wiremock.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(accepted("wamid.RETRIED")));

        SendResult result = messenger.send(new ChatMessage.Text(freshRecipient(), "Hello"));

        assertThat(result).isEqualTo(new SendResult.Accepted("wamid.RETRIED"));
        wiremock.verify(2, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
    }

    @Test
    void givenSlowGraph_whenSent_thenTimeoutIsRetryLaterWithoutInlineRetry() {
        wiremock.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(accepted("wamid.SLOW").withFixedDelay(5000)));

        SendResult result = messenger.send(new ChatMessage.Text(freshRecipient(), "Hello"));

        assertThat(result).isEqualTo(new SendResult.RetryLater("timeout", Optional.empty()));
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
    }

    @Test
    void givenOnePersonMessagedTwiceAtOnce_whenSent_thenBothGoToGraphForTheDispatcherKeepsThePacing() {
        Msisdn to = freshRecipient();
        wiremock.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(accepted("wamid.PACE1")));

        SendResult first = messenger.send(new ChatMessage.Text(to, "first"));
        SendResult second = messenger.send(new ChatMessage.Text(to, "second"));

        assertThat(first).isInstanceOf(SendResult.Accepted.class);
        assertThat(second).as("a per-instance pacer would hold this one: pacing is shared, in the dispatcher")
                .isInstanceOf(SendResult.Accepted.class);
        wiremock.verify(2, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
    }

    @Test
    void givenAMerchantNotice_whenSentAsTheMerchantTemplate_thenOneBodyVariableAndNoButton() {
        Msisdn to = freshRecipient();
        wiremock.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(accepted("wamid.NOTICE1")));

        SendResult result = messenger.send(new ChatMessage.NoticeTemplate(to,
                "Paid ✔ — Invoice #INV-7K3Q9X (KES 2,500). Receipt: NLJ7RT61SV."));

        assertThat(messenger.hasMerchantTemplate()).isTrue();
        assertThat(result).isEqualTo(new SendResult.Accepted("wamid.NOTICE1"));
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"template",
                 "template":{"name":"merchant_notice","language":{"policy":"deterministic","code":"en"},
                   "components":[
                     {"type":"body","parameters":[{"type":"text",
                        "text":"Paid ✔ — Invoice #INV-7K3Q9X (KES 2,500). Receipt: NLJ7RT61SV."}]}]}}"""
                .formatted(to.value()))));
    }

    @Test
    void givenConfigurationError_whenLaterSendAccepted_thenStatusClears() {
        wiremock.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(graphError(401, 190)));
        assertThat(messenger.send(new ChatMessage.Text(freshRecipient(), "Hello")))
                .isEqualTo(new SendResult.Misconfigured("190"));
        assertThat(status.lastConfigurationError()).contains("190");

        wiremock.resetAll();
        wiremock.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(accepted("wamid.FIXED")));
        assertThat(messenger.send(new ChatMessage.Text(freshRecipient(), "Hello")))
                .isEqualTo(new SendResult.Accepted("wamid.FIXED"));

        assertThat(status.lastConfigurationError()).isEmpty();
    }
}
