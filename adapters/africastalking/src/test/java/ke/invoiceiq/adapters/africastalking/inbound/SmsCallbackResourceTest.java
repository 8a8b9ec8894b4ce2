package ke.invoiceiq.adapters.africastalking.inbound;

import static io.restassured.RestAssured.given;
import static ke.invoiceiq.adapters.africastalking.inbound.Callbacks.deliveryReport;
import static ke.invoiceiq.adapters.africastalking.inbound.Callbacks.incoming;
import static ke.invoiceiq.adapters.africastalking.inbound.CallbackTestProfile.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import ke.invoiceiq.application.inbound.InboundContent;
import ke.invoiceiq.application.messaging.DeliveryOutcome;
import ke.invoiceiq.application.messaging.DeliveryReport;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.DeliveryStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both callbacks over HTTP, with recording fakes of the use cases. The fakes de-duplicate nothing: that a
 * redelivery is handled once is the use cases' job (tested in the application module).
 */
@QuarkusTest
@TestProfile(CallbackTestProfile.class)
class SmsCallbackResourceTest {

    static final Instant NOW = Instant.parse("2026-03-02T06:00:00Z");

    @Inject
    RecordingDeliveryReports reports;

    @Inject
    RecordingInboundMessages messages;

    @BeforeEach
    void reset() {
        reports.reset();
        messages.reset();
        TestClock.CLOCK.set(NOW);
    }

    static Map<String, String> report(String id, String status) {
        Map<String, String> fields = new HashMap<>();
        fields.put("id", id);
        fields.put("status", status);
        fields.put("phoneNumber", "+254712345678");
        fields.put("networkCode", "63902");
        fields.put("retryCount", "0");
        return fields;
    }

    static Map<String, String> sms(String id, String from, String text) {
        Map<String, String> fields = new HashMap<>();
        fields.put("id", id);
        fields.put("from", from);
        fields.put("text", text);
        fields.put("to", "23456");
        fields.put("date", "2026-03-02 10:15:30");
        fields.put("linkId", "SampleLinkId123");
        fields.put("networkCode", "63902");
        fields.put("cost", "KES 0.0000");
        return fields;
    }

    // --- delivery reports ---------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} with failureReason \"{1}\" -> {2} {3}")
    @CsvSource(nullValues = "null", value = {
        "Sent, null, SENT, null",
        "Submitted, null, SENT, null",
        "Buffered, null, SENT, null",
        "Success, null, DELIVERED, null",
        "AbsentSubscriber, null, SENT, null",
        "Failed, UserInBlackList, FAILED, UserInBlackList",
        "Failed, null, FAILED, null",
        "Rejected, DeliveryFailure, FAILED, DeliveryFailure",
        "Rejected, null, FAILED, null",
        "Expired, null, FAILED, Expired",
        "Expired, DeliveryFailure, FAILED, DeliveryFailure",
        "success, null, DELIVERED, null"})
    void each_delivery_status_is_recorded_mapped(String atStatus, String failureReason, DeliveryStatus expected,
            String errorCode) {
        Map<String, String> fields = report("ATXid_dlr1", atStatus);
        if (failureReason != null) {
            fields.put("failureReason", failureReason);
        }

        deliveryReport(TOKEN, fields).then().statusCode(200);

        assertThat(reports.reports()).containsExactly(new DeliveryReport(Channel.SMS, "ATXid_dlr1", expected,
                Optional.ofNullable(errorCode), NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Delivered", "Unknown", "Queued", "Success!"})
    void an_unknown_status_is_acknowledged_and_nothing_recorded(String atStatus) {
        deliveryReport(TOKEN, report("ATXid_dlr2", atStatus)).then().statusCode(200);

        assertThat(reports.reports()).isEmpty();
    }

    @Test
    void a_report_without_id_or_status_is_a_bad_request() {
        Map<String, String> noId = report("x", "Success");
        noId.remove("id");
        Map<String, String> blankId = report(" ", "Success");
        Map<String, String> noStatus = report("ATXid_dlr3", "x");
        noStatus.remove("status");

        deliveryReport(TOKEN, noId).then().statusCode(400).body(equalTo("missing id"));
        deliveryReport(TOKEN, blankId).then().statusCode(400).body(equalTo("missing id"));
        deliveryReport(TOKEN, noStatus).then().statusCode(400).body(equalTo("missing status"));
        assertThat(reports.reports()).isEmpty();
    }

    @Test
    void a_report_for_a_message_we_do_not_know_is_acknowledged_and_logged_without_the_number() {
        reports.answer(new DeliveryOutcome.Ignored());
        try (LogCapture log = new LogCapture()) {
            deliveryReport(TOKEN, report("ATXid_nobody", "Success")).then().statusCode(200);

            assertThat(log.lines()).anyMatch(l -> l.startsWith("INFO") && l.contains(
                    "delivery report for unknown message"));
            assertThat(log.lines()).noneMatch(l -> l.contains("712345678"));
        }
    }

    @Test
    void a_use_case_that_fails_on_a_report_is_answered_503() {
        reports.failWith(new IllegalStateException("database down"));

        deliveryReport(TOKEN, report("ATXid_dlr4", "Success")).then().statusCode(503);
    }

    // --- incoming SMS -------------------------------------------------------------------------------------------

    @Test
    void an_incoming_pay_sms_is_handed_on_with_sender_id_text_and_date() {
        incoming(TOKEN, sms("ATXid_in1", "+254712345678", "PAY INV-7K3Q9X")).then().statusCode(200);

        assertThat(messages.messages()).singleElement().satisfies(m -> {
            assertThat(m.provider()).isEqualTo("africastalking");
            assertThat(m.providerMessageId()).isEqualTo("ATXid_in1");
            assertThat(m.channel()).isEqualTo(Channel.SMS);
            assertThat(m.from()).contains(new Msisdn("254712345678"));
            assertThat(m.userId()).isEmpty();
            assertThat(m.content()).isEqualTo(new InboundContent.Text("PAY INV-7K3Q9X"));
            // 10:15:30 in Nairobi (UTC+3)
            assertThat(m.receivedAt()).isEqualTo(Instant.parse("2026-03-02T07:15:30Z"));
        });
    }

    @Test
    void text_beyond_ascii_arrives_intact() {
        incoming(TOKEN, sms("ATXid_in2", "+254712345678", "Asante sana 🙏 — lipa & uende ✓")).then().statusCode(200);

        assertThat(messages.messages()).singleElement().extracting(m -> m.content())
                .isEqualTo(new InboundContent.Text("Asante sana 🙏 — lipa & uende ✓"));
    }

    @Test
    void no_text_and_no_date_give_empty_text_and_now() {
        Map<String, String> fields = sms("ATXid_in3", "0712345678", "x");
        fields.remove("text");
        fields.remove("date");

        incoming(TOKEN, fields).then().statusCode(200);

        assertThat(messages.messages()).singleElement().satisfies(m -> {
            assertThat(m.content()).isEqualTo(new InboundContent.Text(""));
            assertThat(m.receivedAt()).isEqualTo(NOW);
            assertThat(m.from()).contains(new Msisdn("254712345678"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"MPESA", "Safaricom", "+255712345678", "12345", ""})
    void a_sender_that_is_not_a_kenyan_mobile_is_acknowledged_and_nothing_handled(String from) {
        incoming(TOKEN, sms("ATXid_in4", from, "PAY INV-7K3Q9X")).then().statusCode(200);

        assertThat(messages.messages()).isEmpty();
    }

    @Test
    void an_incoming_sms_without_id_is_a_bad_request() {
        Map<String, String> fields = sms("x", "+254712345678", "PAY INV-7K3Q9X");
        fields.remove("id");

        incoming(TOKEN, fields).then().statusCode(400).body(equalTo("missing id"));
        assertThat(messages.messages()).isEmpty();
    }

    @Test
    void redeliveries_are_each_handed_on_unchanged() {
        for (int i = 0; i < 2; i++) {
            incoming(TOKEN, sms("ATXid_in5", "+254712345678", "PAY INV-7K3Q9X")).then().statusCode(200);
        }

        assertThat(messages.messages()).hasSize(2).extracting(m -> m.providerMessageId()).containsOnly("ATXid_in5");
    }

    @Test
    void a_use_case_that_fails_on_an_sms_is_answered_503() {
        messages.failWith(new IllegalStateException("database down"));

        incoming(TOKEN, sms("ATXid_in6", "+254712345678", "PAY INV-7K3Q9X")).then().statusCode(503);

        assertThat(messages.tries()).isEqualTo(SmsCallbackResource.TRIES);
        assertThat(messages.givenUp()).isEmpty();
    }

    @Test
    void givenAHandlingThatFailsOnce_whenAnSmsArrives_thenItIsTriedAgainAndHandledBeforeThe200() {
        messages.failTimes(1, new IllegalStateException("deadlock detected"));

        incoming(TOKEN, sms("ATXid_in7", "+254712345678", "PAY INV-7K3Q9X")).then().statusCode(200);

        assertThat(messages.tries()).isEqualTo(2);
        assertThat(messages.messages()).singleElement()
                .satisfies(m -> assertThat(m.providerMessageId()).isEqualTo("ATXid_in7"));
        assertThat(messages.givenUp()).isEmpty();
    }

    @Test
    void givenEveryTryFails_whenAnSmsArrives_thenTheSenderIsAskedToSendItAgainAndAtGets200() {
        messages.failTimes(Integer.MAX_VALUE, new IllegalStateException("a bug"));

        incoming(TOKEN, sms("ATXid_in8", "+254712345678", "invoice 0712345678 2500 Cleaning")).then()
                .statusCode(200);

        assertThat(messages.tries()).isEqualTo(SmsCallbackResource.TRIES);
        assertThat(messages.givenUp()).singleElement().satisfies(m -> {
            assertThat(m.providerMessageId()).isEqualTo("ATXid_in8");
            assertThat(m.from()).contains(new Msisdn("254712345678"));
        });
    }

    @Test
    void givenEveryTryFailed_whenTheSameSmsIsPostedAgain_thenItIsHandledAfresh() {
        messages.failWith(new IllegalStateException("database down"));
        incoming(TOKEN, sms("ATXid_in9", "+254712345678", "PAY INV-7K3Q9X")).then().statusCode(503);
        messages.reset();

        incoming(TOKEN, sms("ATXid_in9", "+254712345678", "PAY INV-7K3Q9X")).then().statusCode(200);

        assertThat(messages.messages()).singleElement()
                .satisfies(m -> assertThat(m.providerMessageId()).isEqualTo("ATXid_in9"));
    }

    // --- authentication -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {TOKEN, CallbackTestProfile.NEXT_TOKEN})
    void givenATokenBeingRotated_whenTheCurrentOrTheNextTokenIsInThePath_thenBothCallbacksAreAccepted(String token) {
        deliveryReport(token, report("ATXid_r1", "Success")).then().statusCode(200);
        incoming(token, sms("ATXid_r2", "+254712345678", "PAY INV-7K3Q9X")).then().statusCode(200);

        assertThat(reports.reports()).hasSize(1);
        assertThat(messages.messages()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrong-token", "sms-Next_9876543210fedcbaQR", "sms-Cb_0123456789abcdefXY",
        "sms-Cb_0123456789abcdefXYZ0", "SMS-CB_0123456789ABCDEFXYZ", "%20sms-Cb_0123456789abcdefXYZ"})
    void a_wrong_token_is_refused_and_nothing_is_handed_on(String token) {
        deliveryReport(token, report("ATXid_t1", "Success")).then().statusCode(401).body(emptyString());
        incoming(token, sms("ATXid_t2", "+254712345678", "PAY INV-7K3Q9X")).then().statusCode(401)
                .body(emptyString());

        assertThat(reports.reports()).isEmpty();
        assertThat(messages.messages()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sms/status", "/sms/inbound", "/sms/status/", "/sms/inbound/"})
    void no_token_at_all_is_refused(String path) {
        Callbacks.post(path, report("ATXid_t3", "Success")).then().statusCode(401);

        assertThat(reports.reports()).isEmpty();
        assertThat(messages.messages()).isEmpty();
    }

    @Test
    void a_body_that_is_not_a_form_is_refused_and_nothing_handed_on() {
        given().contentType("application/json").body("{}").when().post(Callbacks.STATUS + "wrong")
                .then().statusCode(415);
        assertThat(reports.reports()).isEmpty();
    }

    @Test
    void neither_the_phone_number_the_text_nor_the_token_reaches_the_log() {
        try (LogCapture log = new LogCapture()) {
            incoming(TOKEN, sms("ATXid_l1", "+254712345678", "PAY INV-7K3Q9X secret words")).then().statusCode(200);
            incoming(TOKEN, sms("ATXid_l2", "+255712345678", "PAY INV-7K3Q9X secret words")).then().statusCode(200);
            incoming(TOKEN + "x", sms("ATXid_l3", "+254712345678", "secret words")).then().statusCode(401);
            deliveryReport(TOKEN, report("ATXid_l4", "Sent")).then().statusCode(200);
            deliveryReport(TOKEN, report("ATXid_l5", "Weird\nFORGED LINE")).then().statusCode(200);
            messages.failWith(new IllegalStateException("254712345678 secret words"));
            incoming(TOKEN, sms("ATXid_l6", "+254712345678", "secret words")).then().statusCode(503);

            assertThat(log.lines()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(log.lines()).noneMatch(l -> l.contains("712345678") || l.contains("secret words")
                    || l.contains(TOKEN) || l.contains("\n"));
        }
    }
}
