package ke.invoiceiq.adapters.whatsapp.inbound;

import static io.restassured.RestAssured.given;
import static ke.invoiceiq.adapters.whatsapp.inbound.Fixtures.eventually;
import static ke.invoiceiq.adapters.whatsapp.inbound.Fixtures.sign;
import static ke.invoiceiq.adapters.whatsapp.inbound.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import ke.invoiceiq.application.inbound.InboundContent;
import ke.invoiceiq.application.inbound.InboundMessage;
import ke.invoiceiq.application.messaging.DeliveryReport;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.DeliveryStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webhook over HTTP, with recording fakes of the two use cases. Fakes de-duplicate nothing, so a redelivery
 * can only be shown to be "handed on twice, unchanged"; dropping it is the use case's job
 * ({@code InboundEventLog.firstSeen}, tested in the application module).
 */
@QuarkusTest
@TestProfile(WebhookTestProfile.class)
class WhatsAppWebhookResourceTest {

    private static final String PATH = "/whatsapp/webhook";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String MARKER_WAMID = "wamid.MARKER";

    @Inject
    RecordingInboundMessages inbound;

    @Inject
    RecordingDeliveryReports statuses;

    @Inject
    TestWebhookInbox inbox;

    @Inject
    WebhookInboxSweeper sweeper;

    @BeforeEach
    void reset() {
        inbound.reset();
        statuses.reset();
        inbox.reset();
    }

    private static Response post(byte[] body, String signature) {
        var request = given().contentType("application/json").body(body);
        if (signature != null) {
            request = request.header(WebhookSignature.HEADER, signature);
        }
        return request.when().post(PATH);
    }

    /**
     * Posts a signed marker message and waits for it: with one worker, anything an earlier request had queued would
     * have been handed on before it. Then nothing but the marker may have arrived.
     */
    private void assertNothingHandedOn() {
        byte[] marker = new String(webhook("text"), StandardCharsets.UTF_8)
                .replace("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", MARKER_WAMID)
                .getBytes(StandardCharsets.UTF_8);
        post(marker, sign(marker)).then().statusCode(200);
        eventually(WAIT, () -> inbound.messages().stream().anyMatch(m -> m.providerMessageId().equals(MARKER_WAMID)));
        assertThat(inbound.messages()).extracting(InboundMessage::providerMessageId).containsExactly(MARKER_WAMID);
        assertThat(statuses.reports()).isEmpty();
    }

    // --- GET: verification (docs/whatsapp.md) ---

    @Test
    void givenSubscribeAndTheRightToken_whenVerified_thenChallengeEchoedByteForByteAsPlainText() {
        String challenge = "1158201444-é&x=1 +/%";

        Response response = given().queryParam("hub.mode", "subscribe")
                .queryParam("hub.verify_token", WebhookTestProfile.VERIFY_TOKEN)
                .queryParam("hub.challenge", challenge).when().get(PATH);

        response.then().statusCode(200).contentType(startsWith("text/plain"));
        assertThat(response.asByteArray()).isEqualTo(challenge.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {WebhookTestProfile.VERIFY_TOKEN, WebhookTestProfile.NEXT_VERIFY_TOKEN})
    void givenAVerifyTokenBeingRotated_whenVerifiedWithTheCurrentOrTheNextToken_thenBothAreAccepted(String token) {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", token)
                .queryParam("hub.challenge", "4711").when().get(PATH).then().statusCode(200).body(equalTo("4711"));
    }

    static Stream<Arguments> refusedVerifications() {
        String token = WebhookTestProfile.VERIFY_TOKEN;
        return Stream.of(
                Arguments.of("wrong token", "subscribe", token + "x", "123"),
                Arguments.of("token prefix", "subscribe", token.substring(0, 5), "123"),
                Arguments.of("neither the current nor the next token", "subscribe", "verify-previous-789", "123"),
                Arguments.of("empty token", "subscribe", "", "123"),
                Arguments.of("missing token", "subscribe", null, "123"),
                Arguments.of("wrong mode", "unsubscribe", token, "123"),
                Arguments.of("mode in capitals", "SUBSCRIBE", token, "123"),
                Arguments.of("missing mode", null, token, "123"),
                Arguments.of("missing challenge", "subscribe", token, null),
                Arguments.of("nothing at all", null, null, null));
    }

    @ParameterizedTest(name = "{0} -> 403")
    @MethodSource("refusedVerifications")
    void givenAnythingButSubscribeWithTheRightToken_whenVerified_thenForbiddenWithoutTheChallenge(String label,
            String mode, String token, String challenge) {
        var request = given();
        if (mode != null) {
            request = request.queryParam("hub.mode", mode);
        }
        if (token != null) {
            request = request.queryParam("hub.verify_token", token);
        }
        if (challenge != null) {
            request = request.queryParam("hub.challenge", challenge);
        }
        request.when().get(PATH).then().statusCode(403).body(emptyString());
    }

    // --- POST: messages handed on, field by field ---

    @Test
    void givenSignedTextMessage_whenPosted_thenOkAndTheUseCaseGetsEveryField() {
        byte[] body = webhook("text");

        post(body, sign(body)).then().statusCode(200);

        eventually(WAIT, () -> inbound.messages().size() == 1);
        InboundMessage m = inbound.messages().get(0);
        assertThat(m.provider()).isEqualTo("whatsapp");
        assertThat(m.providerMessageId()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");
        assertThat(m.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(m.from()).contains(new Msisdn("254712345678"));
        assertThat(m.userId()).isEmpty();
        assertThat(m.content()).isEqualTo(new InboundContent.Text("invoice 0712345678 2500 Cleaning"));
        assertThat(m.receivedAt()).isEqualTo(Instant.ofEpochSecond(1749416383L));
        assertThat(inbound.calls().get(0).thread()).startsWith("whatsapp-webhook-");
        assertThat(statuses.reports()).isEmpty();
    }

    static Stream<Arguments> messageFixtures() {
        return Stream.of(
                Arguments.of("button_reply", new InboundContent.ButtonTap("pay_INV-2026-0001")),
                Arguments.of("list_reply", new InboundContent.ButtonTap("remind_INV-2026-0002")),
                Arguments.of("template_button", new InboundContent.ButtonTap("pay_INV-2026-0003")),
                Arguments.of("image", new InboundContent.Unsupported("image")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageFixtures")
    void givenSignedFixture_whenPosted_thenOkAndTheUseCaseGetsTheContent(String fixture, InboundContent content) {
        byte[] body = webhook(fixture);

        post(body, sign(body)).then().statusCode(200);

        eventually(WAIT, () -> inbound.messages().size() == 1);
        InboundMessage m = inbound.messages().get(0);
        assertThat(m.content()).isEqualTo(content);
        assertThat(m.from()).contains(new Msisdn("254722000111"));
        assertThat(m.providerMessageId()).startsWith("wamid.");
    }

    @Test
    void givenUsernameUserWithoutFrom_whenPosted_thenHandedOnWithUserIdAndNoSender() {
        byte[] body = webhook("username");

        post(body, sign(body)).then().statusCode(200);

        eventually(WAIT, () -> inbound.messages().size() == 1);
        InboundMessage m = inbound.messages().get(0);
        assertThat(m.from()).isEmpty();
        assertThat(m.userId()).contains("KE.13491208655302741918");
    }

    @Test
    void givenSignedStatuses_whenPosted_thenEachKnownStatusRecordedInOrderWithTheFailedErrorCode() {
        byte[] body = webhook("statuses");

        post(body, sign(body)).then().statusCode(200);

        eventually(WAIT, () -> statuses.reports().size() == 4);
        assertThat(statuses.reports()).containsExactly(
                new DeliveryReport(Channel.WHATSAPP, "wamid.SENT0001", DeliveryStatus.SENT, Optional.empty(),
                        Instant.ofEpochSecond(1698266945L)),
                new DeliveryReport(Channel.WHATSAPP, "wamid.DELIVERED0001", DeliveryStatus.DELIVERED,
                        Optional.empty(), Instant.ofEpochSecond(1698266950L)),
                new DeliveryReport(Channel.WHATSAPP, "wamid.READ0001", DeliveryStatus.READ, Optional.empty(),
                        Instant.ofEpochSecond(1698266990L)),
                new DeliveryReport(Channel.WHATSAPP, "wamid.FAILED0001", DeliveryStatus.FAILED,
                        Optional.of("131047"), Instant.ofEpochSecond(1689380458L)));
        assertThat(inbound.messages()).isEmpty();
    }

    @Test
    void givenOutOfOrderStatuses_whenPosted_thenHandedOnAsTheyCameForTheUseCaseToOrder() {
        byte[] read = statusBody("wamid.OOO", "read", "1698266990");
        byte[] delivered = statusBody("wamid.OOO", "delivered", "1698266950");

        post(read, sign(read)).then().statusCode(200);
        post(delivered, sign(delivered)).then().statusCode(200);

        eventually(WAIT, () -> statuses.reports().size() == 2);
        assertThat(statuses.reports()).extracting(DeliveryReport::status)
                .containsExactly(DeliveryStatus.READ, DeliveryStatus.DELIVERED);
    }

    private static byte[] statusBody(String wamid, String status, String timestamp) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","metadata":{"phone_number_id":"106540352242922"},
                "statuses":[{"id":"%s","status":"%s","timestamp":"%s","recipient_id":"254722000111"}]}}]}]}"""
                .formatted(wamid, status, timestamp).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givenTopLevelErrors_whenPosted_thenOkAndNothingHandedOn() {
        byte[] body = webhook("errors");

        post(body, sign(body)).then().statusCode(200);

        assertNothingHandedOn();
    }

    @Test
    void givenMultiEntryBatch_whenPosted_thenEveryEventForOurNumberInPayloadOrder() {
        byte[] body = webhook("batch");

        post(body, sign(body)).then().statusCode(200);

        eventually(WAIT, () -> inbound.messages().size() == 4 && statuses.reports().size() == 1);
        assertThat(inbound.messages()).extracting(InboundMessage::providerMessageId)
                .containsExactly("wamid.BATCH-A1", "wamid.BATCH-A2", "wamid.BATCH-B1", "wamid.BATCH-B2");
        assertThat(inbound.messages()).extracting(InboundMessage::content).containsExactly(
                new InboundContent.Text("invoice 0722000111 1500 Plumbing"), new InboundContent.Unsupported("location"),
                new InboundContent.Unsupported("reaction"), new InboundContent.Unsupported("unsupported"));
        assertThat(statuses.reports()).singleElement().extracting(DeliveryReport::providerMessageId,
                DeliveryReport::status).containsExactly("wamid.BATCH-S1", DeliveryStatus.DELIVERED);
    }

    @Test
    void givenRedeliveredMessage_whenPostedTwice_thenBothAcknowledgedAndHandedOnUnchangedForTheUseCaseToDrop() {
        byte[] body = webhook("button_reply");

        post(body, sign(body)).then().statusCode(200);
        post(body, sign(body)).then().statusCode(200);

        eventually(WAIT, () -> inbound.messages().size() == 2);
        assertThat(inbound.messages().get(1)).isEqualTo(inbound.messages().get(0));
    }

    @Test
    void givenOneEventFails_whenBatchProcessed_thenTheNextEventsStillReachTheUseCases() {
        byte[] body = new String(webhook("batch"), StandardCharsets.UTF_8).replace("wamid.BATCH-A1", "wamid.BOOM")
                .getBytes(StandardCharsets.UTF_8);

        post(body, sign(body)).then().statusCode(200);

        eventually(WAIT, () -> inbound.messages().size() == 4 && statuses.reports().size() == 1);
        assertThat(inbound.messages()).extracting(InboundMessage::providerMessageId).startsWith("wamid.BOOM");
    }

    @Test
    void givenRequestCorrelationId_whenProcessedAfterTheResponse_thenTheUseCaseRunsUnderIt() {
        byte[] body = webhook("text");

        given().contentType("application/json").header("X-Request-Id", "meta-trace-12345678")
                .header(WebhookSignature.HEADER, sign(body)).body(body).when().post(PATH).then().statusCode(200);

        eventually(WAIT, () -> inbound.calls().size() == 1);
        assertThat(inbound.calls().get(0).correlationId()).contains("meta-trace-12345678");
    }

    // --- POST: the durable inbox ---

    @Test
    void givenASignedWebhook_whenAcknowledged_thenItWasStoredByteForByteBeforeTheAnswerAndMarkedProcessedAfter() {
        byte[] body = webhook("text");

        given().contentType("application/json").header("X-Request-Id", "meta-trace-stored")
                .header(WebhookSignature.HEADER, sign(body)).body(body).when().post(PATH).then().statusCode(200);

        assertThat(inbox.memory().all()).as("stored when the 200 was sent").singleElement().satisfies(w -> {
            assertThat(w.body()).isEqualTo(body);
            assertThat(w.provider()).isEqualTo("whatsapp");
            assertThat(w.correlationId()).contains("meta-trace-stored");
        });
        eventually(WAIT, () -> inbox.memory().countUnprocessed() == 0);
        assertThat(inbound.messages()).hasSize(1);
    }

    @Test
    void givenTheInboxCannotStore_whenPosted_thenServiceUnavailableWithRetryAfterAndNothingHandedOn() {
        byte[] body = webhook("text");
        inbox.failStores(true);

        post(body, sign(body)).then().statusCode(503).header("Retry-After", "30");

        inbox.failStores(false);
        assertNothingHandedOn();
    }

    @Test
    void givenAWebhookFromAPerson_whenAcknowledged_thenStoredWithAnOpaqueKeyOfTheSenderAndLeasedToThisInstance() {
        byte[] body = webhook("text");

        post(body, sign(body)).then().statusCode(200);

        assertThat(inbox.memory().all()).singleElement().satisfies(w -> assertThat(w.senders()).singleElement()
                .satisfies(key -> assertThat(key).matches("[0-9a-f]{32}").doesNotContain("712345678")));
        assertThat(sweeper.sweep(Instant.now())).as("no sweeper takes it from the dispatcher").isZero();
        eventually(WAIT, () -> inbox.memory().countUnprocessed() == 0);
    }

    @Test
    void givenAStoredWebhookLeftUnprocessed_whenTheSweeperRuns_thenItIsHandedOnAndMarkedProcessed() {
        Instant now = Instant.now();
        // stored by an instance that crashed: its lease has run out
        var left = inbox.store("whatsapp", webhook("text"), now.minus(Duration.ofMinutes(2)),
                Optional.of("crashed-request"), Set.of(), Optional.of(now.minus(Duration.ofMinutes(1))));
        var fresh = inbox.store("whatsapp", webhook("statuses"), now, Optional.empty(), Set.of(),
                Optional.of(now.plus(WebhookInboxSweeper.LEASE)));

        assertThat(sweeper.sweep(now)).isEqualTo(1);

        eventually(WAIT, () -> inbox.memory().isProcessed(left.id()));
        assertThat(inbound.calls()).singleElement().satisfies(call -> {
            assertThat(call.correlationId()).contains("crashed-request");
            assertThat(call.message().providerMessageId()).startsWith("wamid.");
        });
        assertThat(inbox.memory().isProcessed(left.id())).isTrue();
        assertThat(inbox.memory().isProcessed(fresh.id())).as("still its own processing's").isFalse();
        assertThat(statuses.reports()).isEmpty();
        assertThat(sweeper.sweep(now)).as("nothing left to sweep").isZero();
    }

    // --- POST: refusals ---

    static Stream<Arguments> badSignatures() {
        byte[] body = webhook("text");
        String good = sign(body);
        return Stream.of(
                Arguments.of("missing header", null),
                Arguments.of("empty header", ""),
                Arguments.of("wrong signature", sign("{}".getBytes(StandardCharsets.UTF_8))),
                Arguments.of("signed with another secret", WebhookSignature.headerValue(body, "another-secret")),
                Arguments.of("signed with neither the current nor the next secret",
                        WebhookSignature.headerValue(body, "test-app-secret-previous-0000000000")),
                Arguments.of("hex without the sha256= prefix", good.substring("sha256=".length())),
                Arguments.of("last hex digit changed",
                        good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0")));
    }

    @ParameterizedTest(name = "{0} -> 401")
    @MethodSource("badSignatures")
    void givenBadSignature_whenPosted_thenUnauthorizedAndNothingHandedOn(String label, String signature) {
        byte[] body = webhook("text");

        post(body, signature).then().statusCode(401);

        assertNothingHandedOn();
    }

    @ParameterizedTest
    @ValueSource(strings = {WebhookTestProfile.APP_SECRET, WebhookTestProfile.NEXT_APP_SECRET})
    void givenAnAppSecretBeingRotated_whenSignedWithTheCurrentOrTheNextSecret_thenBothAreAcceptedAndHandedOn(
            String secret) {
        byte[] body = webhook("text");

        post(body, WebhookSignature.headerValue(body, secret)).then().statusCode(200);

        eventually(WAIT, () -> inbound.messages().size() == 1);
    }

    @Test
    void givenSignatureOfTheOriginalBody_whenARePrettyPrintedBodyIsPosted_thenUnauthorizedAndNothingHandedOn()
            throws Exception {
        byte[] original = webhook("statuses");
        var mapper = new ObjectMapper();
        byte[] prettyPrinted = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(mapper.readTree(original));
        byte[] compacted = mapper.writeValueAsBytes(mapper.readTree(original));

        post(prettyPrinted, sign(original)).then().statusCode(401);
        post(compacted, sign(original)).then().statusCode(401);

        assertNothingHandedOn();
    }

    @Test
    void givenSignedBodyOverThreeMegabytes_whenPosted_thenPayloadTooLargeAndNothingHandedOn() {
        byte[] body = padded(webhook("text"), WhatsAppWebhookResource.MAX_BODY_BYTES + 1);

        post(body, sign(body)).then().statusCode(413);

        assertNothingHandedOn();
    }

    @Test
    void givenSignedBodyOfExactlyThreeMegabytes_whenPosted_thenAcceptedAndHandedOn() {
        byte[] body = padded(webhook("text"), WhatsAppWebhookResource.MAX_BODY_BYTES);

        post(body, sign(body)).then().statusCode(200);

        eventually(WAIT, () -> inbound.messages().size() == 1);
    }

    /** The fixture followed by blanks (still valid JSON) up to {@code length} bytes. */
    private static byte[] padded(byte[] json, int length) {
        byte[] out = Arrays.copyOf(json, length);
        Arrays.fill(out, json.length, length, (byte) ' ');
        return out;
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"not json", "{\"entry\": [", "[]", "{\"a\":1} trailing"})
    void givenValidlySignedMalformedJson_whenPosted_thenOkSoMetaDoesNotRetryAndNothingHandedOn(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);

        post(body, sign(body)).then().statusCode(200);

        assertNothingHandedOn();
    }
}
