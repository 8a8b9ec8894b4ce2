package ke.invoiceiq.adapters.africastalking.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import ke.invoiceiq.domain.messaging.SendResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The pure parts of the outbound side, without Quarkus: codes, answer reading, HTTP classes, defaults. */
class AtUnitsTest {

    static final String ME = "+254712345678";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "InvalidPhoneNumber|invalid-phone-number",
        "UserInBlacklist|user-in-blacklist",
        "DoNotDisturbRejection|do-not-disturb-rejection",
        "Sent to 0/1 Total Cost: 0|sent-to-0-1-total-cost-0",
        "Invalid number +254712345678 given|invalid-number-given",
        "  --Odd\u00a0<script>--  |odd-script",
        "A very long message that goes on and on beyond forty characters|a-very-long-message-that-goes-on-and-on"})
    void codes_are_kebab_case_letters_digits_and_dashes_without_long_numbers(String text, String code) {
        assertThat(Codes.fromText(text, "fallback")).isEqualTo(code).matches("[a-z0-9-]{1,40}");
    }

    @Test
    void nothing_usable_gives_the_fallback() {
        assertThat(Codes.fromText(null, "no-recipients")).isEqualTo("no-recipients");
        assertThat(Codes.fromText(" :/ ", "no-recipients")).isEqualTo("no-recipients");
        assertThat(Codes.fromText("0712345678", "no-recipients")).isEqualTo("no-recipients");
    }

    static Stream<Arguments> answersWithoutRecipients() {
        return Stream.of(
                Arguments.of("InvalidPhoneNumber", new SendResult.Undeliverable("invalid-phone-number")),
                Arguments.of("UserInBlacklist", new SendResult.Undeliverable("user-in-blacklist")),
                Arguments.of("InsufficientBalance", new SendResult.Misconfigured("insufficient-balance")),
                Arguments.of("InvalidSenderId", new SendResult.Misconfigured("invalid-sender-id")),
                Arguments.of("GatewayError", new SendResult.RetryLater("gateway-error", Optional.empty())),
                Arguments.of("Sent to 0/1 Total Cost: 0", new SendResult.Undeliverable("sent-to-0-1-total-cost-0")),
                Arguments.of("Success", new SendResult.Undeliverable("success")),
                Arguments.of("", new SendResult.Undeliverable("no-recipients")));
    }

    @ParameterizedTest(name = "Message \"{0}\" -> {1}")
    @MethodSource("answersWithoutRecipients")
    void an_answer_without_recipients_is_classified_by_its_message(String message, SendResult expected) {
        String body = "{\"SMSMessageData\":{\"Message\":\"" + message + "\",\"Recipients\":[]}}";

        assertThat(SendAnswers.read(body, ME)).isEqualTo(expected);
    }

    @Test
    void recipients_missing_or_not_a_list_count_as_none() {
        assertThat(SendAnswers.read("{\"SMSMessageData\":{\"Message\":\"InvalidPhoneNumber\"}}", ME))
                .isEqualTo(new SendResult.Undeliverable("invalid-phone-number"));
        assertThat(SendAnswers.read("{\"SMSMessageData\":{\"Recipients\":{}}}", ME))
                .isEqualTo(new SendResult.Undeliverable("no-recipients"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"statusCode\":101,\"status\":\"Success\",\"messageId\":\"ATXid_a\"}|accepted:ATXid_a",
        "{\"statusCode\":\"102\",\"messageId\":\"ATXid_b\"}|accepted:ATXid_b",
        "{\"status\":\"UserInBlacklist\",\"messageId\":\"None\"}|undeliverable:user-in-blacklist",
        "{\"statusCode\":101,\"status\":\"Success\"}|retry:no-message-id",
        "{\"statusCode\":101,\"messageId\":\"none\"}|retry:no-message-id",
        "{\"statusCode\":101,\"messageId\":\"  \"}|retry:no-message-id",
        "{\"statusCode\":\"abc\",\"status\":\"Whatever\"}|retry:status-unknown",
        "{\"messageId\":\"ATXid_c\"}|retry:status-unknown",
        "{\"statusCode\":999,\"status\":\"Success\",\"messageId\":\"ATXid_d\"}|retry:status-999"})
    void one_recipient_is_read_leniently(String recipient, String expected) {
        String body = "{\"SMSMessageData\":{\"Message\":\"x\",\"Recipients\":[" + recipient + "]}}";

        assertThat(describe(SendAnswers.read(body, ME))).isEqualTo(expected);
    }

    @Test
    void without_a_matching_number_the_first_recipient_counts() {
        String body = """
                {"SMSMessageData":{"Recipients":[
                  {"statusCode":403,"number":"+254700000001","messageId":"None"},
                  {"statusCode":101,"number":"+254700000002","messageId":"ATXid_2"}]}}""";

        assertThat(SendAnswers.read(body, ME)).isEqualTo(new SendResult.Undeliverable("invalid-phone-number"));
        assertThat(SendAnswers.read(body, "+254700000002")).isEqualTo(new SendResult.Accepted("ATXid_2"));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"null", "''", "not json", "[]", "{}", "{\"SMSMessageData\":\"x\"}"})
    void an_unreadable_success_body_is_retry_later(String body) {
        assertThat(SendAnswers.read(body, ME)).isEqualTo(new SendResult.RetryLater("unreadable-answer",
                Optional.empty()));
    }

    @ParameterizedTest
    @CsvSource({"401, misconfigured:invalid-api-key", "403, misconfigured:http-403", "400, misconfigured:http-400",
        "404, misconfigured:http-404", "415, misconfigured:http-415", "302, misconfigured:http-302",
        "409, undeliverable:do-not-disturb-rejection", "408, retry:http-408", "429, retry:http-429",
        "500, retry:http-500", "503, retry:http-503", "504, retry:http-504"})
    void http_error_statuses_are_classified(int status, String expected) {
        AtFailure failure = AtFailure.of(status, Optional.empty());

        assertThat(describe(failure.result())).isEqualTo(expected);
        assertThat(failure).isInstanceOf(status >= 500 ? AtFailure.ServerError.class : AtFailure.Refused.class);
    }

    @Test
    void retry_after_in_seconds_is_kept_and_anything_else_dropped() {
        assertThat(AtSmsApi.retryAfter("30")).contains(Duration.ofSeconds(30));
        assertThat(AtSmsApi.retryAfter(" 5 ")).contains(Duration.ofSeconds(5));
        assertThat(AtSmsApi.retryAfter("0")).isEmpty();
        assertThat(AtSmsApi.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).isEmpty();
        assertThat(AtSmsApi.retryAfter(null)).isEmpty();
        assertThat(((SendResult.RetryLater) AtFailure.of(429, Optional.of(Duration.ofSeconds(7))).result()).after())
                .contains(Duration.ofSeconds(7));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "sandbox, null, https://api.sandbox.africastalking.com",
        "Sandbox, '', https://api.sandbox.africastalking.com",
        "invoiceiq, null, https://api.africastalking.com",
        "null, null, https://api.africastalking.com",
        "sandbox, http://127.0.0.1:8089, http://127.0.0.1:8089",
        "invoiceiq, ' https://at.example/ ', https://at.example/"})
    void the_base_url_follows_the_username_unless_set(String username, String baseUrl, String expected) {
        AtSmsClient client = new AtSmsClient(Optional.ofNullable(username), Optional.of("k"), Optional.empty(),
                Optional.ofNullable(baseUrl));

        assertThat(client.baseUrl()).isEqualTo(URI.create(expected));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"null, key", "'  ', key", "user, null", "user, ''"})
    void without_username_or_key_the_messenger_calls_nobody(String username, String key) {
        // the REST client is never built here: any call would fail with a NullPointerException
        AtSmsClient client = new AtSmsClient(Optional.ofNullable(username), Optional.ofNullable(key),
                Optional.empty(), Optional.empty());
        SmsStatus status = new SmsStatus();
        AfricasTalkingSmsMessenger messenger = new AfricasTalkingSmsMessenger(client, status);

        assertThat(messenger.configured()).isFalse();
        assertThat(messenger.send(Answers.TO, "Hello")).isEqualTo(new SendResult.Misconfigured("not-configured"));
        assertThat(status.lastConfigurationError()).contains("not-configured");
    }

    @Test
    void a_configuration_error_is_reported_once_per_code() {
        SmsStatus status = new SmsStatus();

        assertThat(status.configurationError("invalid-api-key")).isTrue();
        assertThat(status.configurationError("invalid-api-key")).isFalse();
        assertThat(status.configurationError("insufficient-balance")).isTrue();
        status.accepted();
        assertThat(status.lastConfigurationError()).isEmpty();
        assertThat(status.configurationError("insufficient-balance")).isTrue();
    }

    private static String describe(SendResult result) {
        return switch (result) {
            case SendResult.Accepted a -> "accepted:" + a.providerMessageId();
            case SendResult.RetryLater r -> "retry:" + r.code();
            case SendResult.Deferred d -> "deferred:" + d.reason();
            case SendResult.Undeliverable u -> "undeliverable:" + u.code();
            case SendResult.Misconfigured m -> "misconfigured:" + m.code();
        };
    }
}
