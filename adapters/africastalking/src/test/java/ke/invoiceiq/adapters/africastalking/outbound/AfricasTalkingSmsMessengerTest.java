package ke.invoiceiq.adapters.africastalking.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static ke.invoiceiq.adapters.africastalking.outbound.Answers.TO;
import static ke.invoiceiq.adapters.africastalking.outbound.Answers.created;
import static ke.invoiceiq.adapters.africastalking.outbound.Answers.form;
import static ke.invoiceiq.adapters.africastalking.outbound.Answers.recipient;
import static ke.invoiceiq.adapters.africastalking.outbound.Answers.sent;
import static ke.invoiceiq.adapters.africastalking.outbound.AtSmsStub.CLIENT;
import static ke.invoiceiq.adapters.africastalking.outbound.AtSmsStub.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import ke.invoiceiq.domain.messaging.SendResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The messenger against WireMock playing Africa's Talking: the request, every answer class, time-outs, no retry. */
@QuarkusTest
@WithTestResource(value = AtSmsStub.class, initArgs = {
        @ResourceArg(name = "quarkus.fault-tolerance.\"" + CLIENT + "\".timeout.value", value = "3000"),
        @ResourceArg(name = "quarkus.fault-tolerance.\"" + CLIENT + "\".timeout.unit", value = "millis")})
class AfricasTalkingSmsMessengerTest {

    static final String TEXT = "Habari Jane! Invoice INV-7K3Q9X: KES 2,500 for Cleaning & more. "
            + "Pay: https://pay.example/p/abc?x=1&y=2 ✓";

    WireMockServer wiremock;

    @Inject
    AfricasTalkingSmsMessenger messenger;

    @Inject
    SmsStatus status;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        wiremock.resetAll();
        breakers.resetAll();
        status.accepted();
    }

    void answer(ResponseDefinitionBuilder response) {
        wiremock.stubFor(post(urlPathEqualTo(PATH)).willReturn(response));
    }

    List<LoggedRequest> sends() {
        return wiremock.findAll(postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void the_request_is_the_documented_form_post_and_the_message_id_comes_back() {
        answer(sent("ATXid_5e3b0c1f"));

        SendResult result = messenger.send(TO, TEXT);

        assertThat(result).isEqualTo(new SendResult.Accepted("ATXid_5e3b0c1f"));
        assertThat(wiremock.findAll(anyRequestedFor(anyUrl()))).singleElement().satisfies(request -> {
            assertThat(request.getMethod().getName()).isEqualTo("POST");
            assertThat(request.getUrl()).isEqualTo("/version1/messaging");
            assertThat(request.getHeader("apiKey")).isEqualTo(AtSmsStub.API_KEY);
            assertThat(request.getHeader("Accept")).isEqualTo("application/json");
            assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(request.containsHeader("Authorization")).isFalse();
            assertThat(form(request)).containsOnlyKeys("username", "to", "message", "from")
                    .containsEntry("username", AtSmsStub.USERNAME)
                    .containsEntry("to", "+254712345678")
                    .containsEntry("message", TEXT)
                    .containsEntry("from", AtSmsStub.SENDER_ID);
            // a bare '+' would reach AT as a space
            assertThat(request.getBodyAsString()).contains("to=%2B254712345678");
        });
    }

    static Stream<Arguments> recipientStatuses() {
        return Stream.of(
                Arguments.of(100, "Processed", "ATXid_100", new SendResult.Accepted("ATXid_100")),
                Arguments.of(101, "Success", "ATXid_101", new SendResult.Accepted("ATXid_101")),
                Arguments.of(102, "Queued", "ATXid_102", new SendResult.Accepted("ATXid_102")),
                Arguments.of(401, "RiskHold", "None", new SendResult.Misconfigured("risk-hold")),
                Arguments.of(402, "InvalidSenderId", "None", new SendResult.Misconfigured("invalid-sender-id")),
                Arguments.of(405, "InsufficientBalance", "None", new SendResult.Misconfigured("insufficient-balance")),
                Arguments.of(403, "InvalidPhoneNumber", "None", new SendResult.Undeliverable("invalid-phone-number")),
                Arguments.of(404, "UnsupportedNumberType", "None",
                        new SendResult.Undeliverable("unsupported-number-type")),
                Arguments.of(406, "UserInBlacklist", "None", new SendResult.Undeliverable("user-in-blacklist")),
                Arguments.of(407, "CouldNotRoute", "None", new SendResult.Undeliverable("could-not-route")),
                Arguments.of(409, "DoNotDisturbRejection", "None",
                        new SendResult.Undeliverable("do-not-disturb-rejection")),
                Arguments.of(502, "RejectedByGateway", "None", new SendResult.Undeliverable("rejected-by-gateway")),
                Arguments.of(500, "InternalServerError", "None",
                        new SendResult.RetryLater("internal-server-error", Optional.empty())),
                Arguments.of(501, "GatewayError", "None", new SendResult.RetryLater("gateway-error", Optional.empty())),
                Arguments.of(418, "SomethingNew", "None", new SendResult.RetryLater("status-418", Optional.empty())),
                // a status AT calls accepted but without an id we could match reports to
                Arguments.of(101, "Success", "None", new SendResult.RetryLater("no-message-id", Optional.empty())));
    }

    @ParameterizedTest(name = "statusCode {0} {1} -> {3}")
    @MethodSource("recipientStatuses")
    void each_recipient_status_code_is_classified(int statusCode, String word, String messageId,
            SendResult expected) {
        answer(recipient(statusCode, word, messageId));

        assertThat(messenger.send(TO, TEXT)).isEqualTo(expected);
        assertThat(sends()).hasSize(1);
    }

    @Test
    void a_configuration_refusal_is_remembered_until_a_send_is_accepted() {
        answer(recipient(405, "InsufficientBalance", "None"));
        messenger.send(TO, TEXT);
        assertThat(status.lastConfigurationError()).contains("insufficient-balance");

        answer(recipient(406, "UserInBlacklist", "None"));
        messenger.send(TO, TEXT);
        assertThat(status.lastConfigurationError()).as("a bad number says nothing about our configuration")
                .contains("insufficient-balance");

        answer(sent("ATXid_ok"));
        messenger.send(TO, TEXT);
        assertThat(status.lastConfigurationError()).isEmpty();
    }

    @Test
    void our_recipient_is_found_by_number_among_several() {
        answer(created("""
                {"SMSMessageData":{"Message":"Sent to 1/2 Total Cost: KES 0.8000","Recipients":[
                  {"statusCode":406,"number":"+254799000111","status":"UserInBlacklist","cost":"0","messageId":"None"},
                  {"statusCode":"101","number":"+254712345678","status":"Success","cost":"KES 0.8000",
                   "messageId":"ATXid_ours"}]}}"""));

        assertThat(messenger.send(TO, TEXT)).isEqualTo(new SendResult.Accepted("ATXid_ours"));
    }

    @Test
    void a_created_answer_without_recipients_is_a_refusal_named_after_its_message() {
        answer(created("{\"SMSMessageData\":{\"Message\":\"InvalidPhoneNumber\",\"Recipients\":[]}}"));

        assertThat(messenger.send(TO, TEXT)).isEqualTo(new SendResult.Undeliverable("invalid-phone-number"));
    }

    static Stream<Arguments> httpErrors() {
        return Stream.of(
                Arguments.of(aResponse().withStatus(401).withHeader("Content-Type", "text/plain")
                        .withBody("The supplied authentication is invalid"),
                        new SendResult.Misconfigured("invalid-api-key")),
                Arguments.of(aResponse().withStatus(409), new SendResult.Undeliverable("do-not-disturb-rejection")),
                Arguments.of(aResponse().withStatus(400).withBody("Request is missing required form field 'to'"),
                        new SendResult.Misconfigured("http-400")),
                Arguments.of(aResponse().withStatus(404), new SendResult.Misconfigured("http-404")),
                Arguments.of(aResponse().withStatus(429).withHeader("Retry-After", "30"),
                        new SendResult.RetryLater("http-429", Optional.of(Duration.ofSeconds(30)))),
                Arguments.of(aResponse().withStatus(429), new SendResult.RetryLater("http-429", Optional.empty())),
                Arguments.of(aResponse().withStatus(500).withBody("<html>oops</html>"),
                        new SendResult.RetryLater("http-500", Optional.empty())),
                Arguments.of(aResponse().withStatus(502), new SendResult.RetryLater("http-502", Optional.empty())),
                Arguments.of(aResponse().withStatus(503), new SendResult.RetryLater("http-503", Optional.empty())),
                Arguments.of(aResponse().withStatus(301).withHeader("Location", "https://elsewhere.example/"),
                        new SendResult.Misconfigured("http-301")),
                Arguments.of(created("Sent"), new SendResult.RetryLater("unreadable-answer", Optional.empty())),
                Arguments.of(created("{\"SMSMessageData\":null}"),
                        new SendResult.RetryLater("unreadable-answer", Optional.empty())));
    }

    @ParameterizedTest(name = "[{index}] -> {1}")
    @MethodSource("httpErrors")
    void each_http_answer_class_is_classified_and_sent_once(ResponseDefinitionBuilder response, SendResult expected) {
        answer(response);

        assertThat(messenger.send(TO, TEXT)).isEqualTo(expected);
        assertThat(sends()).as("never retried inline").hasSize(1);
    }

    @Test
    void an_invalid_api_key_is_remembered_for_the_readiness_check() {
        answer(aResponse().withStatus(401).withBody("The supplied authentication is invalid"));

        messenger.send(TO, TEXT);

        assertThat(status.lastConfigurationError()).contains("invalid-api-key");
    }

    @Test
    void an_answer_slower_than_the_timeout_is_retry_later_and_not_sent_again() throws InterruptedException {
        answer(sent("ATXid_slow").withFixedDelay(5000));

        SendResult result = messenger.send(TO, TEXT);

        assertThat(result).isEqualTo(new SendResult.RetryLater("timeout", Optional.empty()));
        Thread.sleep(2500); // past the slow answer: nothing asked again meanwhile
        assertThat(sends()).hasSize(1);
    }

    @Test
    void a_dropped_connection_is_retry_later_io() {
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(messenger.send(TO, TEXT)).isEqualTo(new SendResult.RetryLater("io", Optional.empty()));
        assertThat(sends()).hasSize(1);
    }

    @Test
    void neither_the_number_the_text_nor_the_api_key_reaches_the_log() {
        java.util.logging.Logger category = java.util.logging.Logger.getLogger("ke.invoiceiq.adapters.africastalking");
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        category.addHandler(capture);
        try {
            answer(aResponse().withStatus(401).withBody("The supplied authentication is invalid"));
            messenger.send(TO, TEXT);
            answer(recipient(406, "UserInBlacklist", "None"));
            messenger.send(TO, TEXT);
            answer(aResponse().withStatus(500));
            messenger.send(TO, TEXT);
            answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
            messenger.send(TO, TEXT);
        } finally {
            category.removeHandler(capture);
        }

        assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
        assertThat(lines).noneMatch(l -> l.contains("712345678") || l.contains("Habari")
                || l.contains(AtSmsStub.API_KEY));
    }
}
