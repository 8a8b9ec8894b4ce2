package ke.invoiceiq.bootstrap.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static ke.invoiceiq.bootstrap.testing.HealthEndpoints.health;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.WEBHOOK;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.eventually;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.postSignedWebhook;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.signature;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.whatsAppStatus;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.whatsAppText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ke.invoiceiq.adapters.memory.RecordingSmsMessenger;
import ke.invoiceiq.adapters.whatsapp.outbound.WhatsAppCloudMessenger;
import ke.invoiceiq.application.messaging.DispatchOutboxUseCase;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.bootstrap.testing.Database;
import ke.invoiceiq.bootstrap.testing.Outboxes;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.SmsMessenger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole WhatsApp loop in the running application, with a WhatsApp account configured: Meta's signed webhook
 * in ({@code /whatsapp/webhook}), the use cases on the real PostgreSQL, the outbox dispatched through the
 * {@link WhatsAppCloudMessenger}, and WireMock playing the Graph API ({@link GraphApiWireMock}). SMS is still the
 * recording stand-in. Jobs are off in tests, so the test dispatches the outbox itself.
 *
 * <p>The database is shared with the other test classes (and may hold their rows), so each case finds its invoice
 * by id, and most use a number no other test uses; case (a) is the issue's exact command.
 */
@QuarkusTest
@TestProfile(WhatsAppLoopTest.WhatsAppConfigured.class)
@WithTestResource(GraphApiWireMock.class)
class WhatsAppLoopTest {

    /** WhatsApp configured: a token and a phone number id make the service send through the Graph API. */
    public static final class WhatsAppConfigured implements QuarkusTestProfile {

        static final String TOKEN = "e2e-graph-token-not-a-secret";
        static final String APP_SECRET = "e2e-app-secret-0123456789abcdef";
        static final String VERIFY_TOKEN = "e2e-verify-token";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "waba.token", TOKEN,
                    "waba.phone-id", GraphApiWireMock.PHONE_ID,
                    "waba.app-secret", APP_SECRET,
                    "waba.verify-token", VERIFY_TOKEN,
                    // the merchant gets several confirmations in a few seconds here: the tests' short gap, not none
                    "waba.pair-interval", "PT1S",
                    // one worker: webhooks are processed in the order they were acknowledged, so a later marker
                    // webhook proves that the earlier ones have been handled. The production setting (4 workers) is
                    // covered by InboundReliabilityTest, ChatAndPaymentAcceptanceTest and PaymentTrustTest
                    "waba.webhook.workers", "1");
        }
    }

    private static final Msisdn MERCHANT = new Msisdn("254700000001");
    private static final Msisdn ISSUE_CUSTOMER = new Msisdn("254712345678");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @GraphApiWireMock.Server
    WireMockServer wiremock;

    @Inject
    DispatchOutboxUseCase dispatcher;

    @Inject
    ChatMessenger chat;

    @Inject
    SmsMessenger sms;

    @Inject
    Database db;

    @Inject
    Clock clock;

    @BeforeEach
    void acceptEverySend() {
        wiremock.resetAll();
        GraphApiWireMock.acceptEverySend(wiremock);
        // what an earlier test left waiting for the merchant's turn goes now, not in a digest with this test's notices
        Outboxes.drain(dispatcher, db, clock);
    }

    @Test
    void givenWhatsAppConfigured_whenTheChatMessengerIsLookedUp_thenItIsTheCloudApiMessenger() {
        assertThat(ClientProxy.unwrap(chat)).isInstanceOf(WhatsAppCloudMessenger.class);
    }

    @Test
    void givenMetasSubscriptionCheck_whenTheVerifyTokenMatches_thenTheChallengeComesBack() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", WhatsAppConfigured.VERIFY_TOKEN)
                .queryParam("hub.challenge", "1158201444")
                .when().get(WEBHOOK)
                .then().statusCode(200).body(Matchers.equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "not-the-token")
                .queryParam("hub.challenge", "1158201444")
                .when().get(WEBHOOK)
                .then().statusCode(403);
    }

    /** (a) The issue's loop: signed merchant text → Graph call with the Pay button → merchant confirmation. */
    @Test
    void givenTheMerchantsSignedText_whenProcessedAndDispatched_thenTheCustomerGetsThePayButtonAndTheMerchantTheConfirmation() {
        List<String> before = invoiceIds(ISSUE_CUSTOMER);

        String command = merchantText("invoice 0712345678 2500 Cleaning");
        postSigned(command).then().statusCode(200);
        String invoice = awaitNewInvoice(ISSUE_CUSTOMER, before);
        // the webhook was stored before the 200, byte for byte, and is marked processed once handled
        eventually(WAIT, () -> db.count("SELECT count(*) FROM webhook_inbox WHERE provider = 'whatsapp'"
                + " AND processed_at IS NOT NULL AND body = convert_to(?, 'UTF8')", command) >= 1);

        assertThat(db.column("SELECT amount_cents::text FROM invoices WHERE id = ?", invoice)).containsExactly("250000");
        assertThat(notices(invoice)).as("no confirmation before the send is accepted").isZero();

        dispatchUntilSent(invoice, "INVOICE");

        ServeEvent invoiceCall = graphCallAnsweredWith(wamidOf(invoice));
        assertThat(invoiceCall.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + WhatsAppConfigured.TOKEN);
        JsonNode sent = body(invoiceCall);
        assertThat(sent.path("to").asText()).isEqualTo(ISSUE_CUSTOMER.value());
        assertThat(sent.path("type").asText()).isEqualTo("interactive");
        assertThat(sent.path("interactive").path("type").asText()).isEqualTo("button");
        assertThat(sent.path("interactive").path("action").path("buttons")).anySatisfy(button -> {
            assertThat(button.path("reply").path("id").asText()).isEqualTo("pay_" + invoice);
            assertThat(button.path("reply").path("title").asText()).isEqualTo("Pay with M-PESA");
        });
        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", invoice)).containsExactly("SENT");
        assertThat(notices(invoice)).as("the confirmation, queued once the send was accepted").isEqualTo(1);

        dispatchUntilSent(invoice, "MERCHANT_NOTICE");

        ServeEvent confirmationCall = graphCallAnsweredWith(db.column("SELECT provider_message_id FROM outbox"
                + " WHERE invoice_id = ? AND purpose = 'MERCHANT_NOTICE'", invoice).getFirst());
        JsonNode confirmation = body(confirmationCall);
        assertThat(confirmation.path("to").asText()).isEqualTo(MERCHANT.value());
        assertThat(confirmation.path("interactive").path("body").path("text").asText()).contains(invoice);
        assertThat(confirmationCall.getRequest().getLoggedDate())
                .as("the confirmation goes after the invoice was accepted")
                .isAfterOrEqualTo(invoiceCall.getRequest().getLoggedDate());

        // an accepted send: the account works, and the wellness check says so
        health().when().get("/well").then().statusCode(200)
                .body("checks.find { it.name == 'WhatsApp Cloud API' }.status", Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'WhatsApp Cloud API' }.data.mode", Matchers.equalTo("cloud-api"))
                .body("checks.find { it.name == 'WhatsApp Cloud API' }.data.status", Matchers.equalTo("ok"));
    }

    /** (b) Meta delivers a webhook again (same wamid): acknowledged, not processed twice. */
    @Test
    void givenTheSameWebhookTwice_whenProcessed_thenOneInvoiceOnly() {
        Msisdn customer = Customers.fresh();
        String webhook = merchantText("invoice " + Customers.typed(customer) + " 900 Ironing");

        postSigned(webhook).then().statusCode(200);
        awaitNewInvoice(customer, List.of());
        postSigned(webhook).then().statusCode(200);
        awaitMarker();

        assertThat(invoiceIds(customer)).hasSize(1);
    }

    /** (c) A failed status (131047) on the invoice message: the invoice goes out again by SMS. */
    @Test
    void givenTheInvoiceMessageFailedWith131047_whenTheStatusArrives_thenTheCustomerGetsTheInvoiceBySms() {
        Msisdn customer = Customers.fresh();
        String invoice = invoiceSentOnWhatsApp(customer, "1500 Plumbing");
        RecordingSmsMessenger smsStandIn = (RecordingSmsMessenger) ClientProxy.unwrap(sms);
        assertThat(smsStandIn.sentTo(customer)).isEmpty();

        postSigned(whatsAppStatus(GraphApiWireMock.PHONE_ID, wamidOf(invoice), "failed", customer, """
                ,"errors":[{"code":131047,"title":"Re-engagement message","message":"Re-engagement message",
                  "error_data":{"details":"Message failed to send because more than 24 hours have passed."}}]""")).then()
                .statusCode(200);
        eventually(WAIT, () -> db.count("SELECT count(*) FROM outbox WHERE invoice_id = ? AND purpose = 'INVOICE'"
                + " AND channel = 'SMS'", invoice) == 1);
        assertThat(db.column("SELECT delivery_status FROM outbox WHERE invoice_id = ? AND purpose = 'INVOICE'"
                + " AND channel = 'WHATSAPP'", invoice)).containsExactly("FAILED");

        for (int i = 0; i < 20 && smsStandIn.sentTo(customer).isEmpty(); i++) {
            dispatcher.dispatch();
        }

        assertThat(smsStandIn.sentTo(customer)).singleElement()
                .satisfies(message -> assertThat(message.text()).contains(invoice));
    }

    /** (c) Statuses only move forward: a {@code delivered} that arrives after {@code read} changes nothing. */
    @Test
    void givenReadThenALateDelivered_whenBothArrive_thenTheMessageStaysRead() {
        Msisdn customer = Customers.fresh();
        String invoice = invoiceSentOnWhatsApp(customer, "700 Gardening");
        String wamid = wamidOf(invoice);
        String deliveryStatus = "SELECT delivery_status FROM outbox WHERE invoice_id = ? AND purpose = 'INVOICE'";

        postSigned(whatsAppStatus(GraphApiWireMock.PHONE_ID, wamid, "read", customer, "")).then().statusCode(200);
        eventually(WAIT, () -> db.column(deliveryStatus, invoice).contains("READ"));
        postSigned(whatsAppStatus(GraphApiWireMock.PHONE_ID, wamid, "delivered", customer, "")).then().statusCode(200);
        awaitMarker();

        assertThat(db.column(deliveryStatus, invoice)).containsExactly("READ");
    }

    /** (d) A body not signed with the app secret is refused before anything is read or stored. */
    @Test
    void givenAWrongSignature_whenPosted_then401AndNoInvoice() {
        Msisdn customer = Customers.fresh();
        String webhook = merchantText("invoice " + Customers.typed(customer) + " 300 Cleaning");
        String wamid = wamidIn(webhook);

        given().contentType("application/json").header("X-Hub-Signature-256", signature(webhook, "not-the-app-secret"))
                .body(webhook.getBytes(StandardCharsets.UTF_8))
                .when().post(WEBHOOK).then().statusCode(401);
        given().contentType("application/json").body(webhook.getBytes(StandardCharsets.UTF_8))
                .when().post(WEBHOOK).then().statusCode(401);
        awaitMarker();

        assertThat(invoiceIds(customer)).isEmpty();
        assertThat(db.count("SELECT count(*) FROM inbound_events WHERE event_id = ?", wamid)).isZero();
    }

    /**
     * (e) Meta refuses the token (190) on every send: each send is a configuration error, the invoice falls back to
     * SMS, and the wellness check is DOWN, degraded with the code, until a send is accepted again, while readiness
     * stays UP.
     */
    @Test
    void givenGraphRefusesTheToken_whenTheInvoiceIsSent_thenWellnessIsDownUntilASendIsAcceptedAndReadinessStaysUp() {
        java.sql.Timestamp testStarted = java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(5));
        // the merchant is told once a day across instances; a database an earlier run left may hold today's claim
        db.column("DELETE FROM send_slots WHERE key = 'once:told:WHATSAPP:190' RETURNING key");
        Msisdn customer = Customers.fresh();
        List<String> before = invoiceIds(customer);
        postSigned(merchantText("invoice " + Customers.typed(customer) + " 1200 Ironing")).then().statusCode(200);
        String invoice = awaitNewInvoice(customer, before);
        StubMapping refused = wiremock.stubFor(post(urlPathEqualTo(GraphApiWireMock.MESSAGES_PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"Error validating access token: Session has expired.",
                         "type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AbCdEf"}}""")));

        String whatsAppStatus = "SELECT status FROM outbox WHERE invoice_id = ? AND purpose = 'INVOICE'"
                + " AND channel = 'WHATSAPP'";
        for (int i = 0; i < 20 && !db.column(whatsAppStatus, invoice).contains("FAILED"); i++) {
            dispatcher.dispatch();
        }

        assertThat(db.column(whatsAppStatus, invoice)).containsExactly("FAILED");
        assertThat(db.count("SELECT count(*) FROM outbox WHERE invoice_id = ? AND purpose = 'INVOICE'"
                + " AND channel = 'SMS'", invoice)).as("the SMS fallback").isEqualTo(1);
        // the merchant hears of the broken setup by SMS, once, however many sends fail
        postSigned(merchantText("invoice " + Customers.typed(Customers.fresh()) + " 1300 Ironing")).then()
                .statusCode(200);
        Outboxes.drain(dispatcher, db, clock);
        assertThat(db.count("SELECT count(*) FROM outbox WHERE recipient_msisdn = '254700000001'"
                + " AND purpose = 'MERCHANT_NOTICE' AND channel = 'SMS' AND content->>'text' LIKE '%code 190%'"
                + " AND created_at >= ?", testStarted))
                .as("one setup notice to the merchant").isEqualTo(1);
        health().when().get("/ready").then()
                .statusCode(200)
                .body("status", Matchers.equalTo("UP"));
        health().when().get("/well").then()
                .statusCode(503)
                .body("status", Matchers.equalTo("DOWN"))
                .body("checks.find { it.name == 'WhatsApp Cloud API' }.status", Matchers.equalTo("DOWN"))
                .body("checks.find { it.name == 'WhatsApp Cloud API' }.data.mode", Matchers.equalTo("cloud-api"))
                .body("checks.find { it.name == 'WhatsApp Cloud API' }.data.status", Matchers.equalTo("degraded"))
                .body("checks.find { it.name == 'WhatsApp Cloud API' }.data.code", Matchers.equalTo("190"));

        // the operator fixes the token: the next accepted send clears the degradation
        wiremock.removeStub(refused);
        Msisdn stranger = awaitMarker();
        String replyStatus = "SELECT status FROM outbox WHERE recipient_msisdn = ? AND channel = 'WHATSAPP'";
        for (int i = 0; i < 20 && !db.column(replyStatus, stranger.value()).contains("SENT"); i++) {
            dispatcher.dispatch();
        }
        assertThat(db.column(replyStatus, stranger.value())).as("the bot's answer to the marker").contains("SENT");
        health().when().get("/well").then()
                .statusCode(200)
                .body("checks.find { it.name == 'WhatsApp Cloud API' }.data.status", Matchers.equalTo("ok"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** A merchant invoice for {@code customer}, dispatched until WhatsApp accepted it; its id. */
    private String invoiceSentOnWhatsApp(Msisdn customer, String amountAndItem) {
        List<String> before = invoiceIds(customer);
        postSigned(merchantText("invoice " + Customers.typed(customer) + " " + amountAndItem)).then()
                .statusCode(200);
        String invoice = awaitNewInvoice(customer, before);
        dispatchUntilSent(invoice, "INVOICE");
        return invoice;
    }

    /** Dispatches for a few seconds at most: a message to someone just messaged waits for their turn. */
    private void dispatchUntilSent(String invoice, String purpose) {
        String sql = "SELECT status FROM outbox WHERE invoice_id = ? AND purpose = ? AND channel = 'WHATSAPP'";
        Instant giveUp = Instant.now().plus(WAIT);
        while (!db.column(sql, invoice, purpose).contains("SENT") && Instant.now().isBefore(giveUp)) {
            if (dispatcher.dispatch().claimed() == 0) {
                pause();
            }
        }
        assertThat(db.column(sql, invoice, purpose)).as("%s message of %s", purpose, invoice).contains("SENT");
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String wamidOf(String invoice) {
        return db.column("SELECT provider_message_id FROM outbox WHERE invoice_id = ? AND purpose = 'INVOICE'"
                + " AND channel = 'WHATSAPP'", invoice).getFirst();
    }

    private long notices(String invoice) {
        return db.count("SELECT count(*) FROM outbox WHERE invoice_id = ? AND purpose = 'MERCHANT_NOTICE'", invoice);
    }

    private List<String> invoiceIds(Msisdn customer) {
        return db.column("SELECT id FROM invoices WHERE msisdn = ? ORDER BY id", customer.value());
    }

    private String awaitNewInvoice(Msisdn customer, List<String> before) {
        eventually(WAIT, () -> invoiceIds(customer).stream().anyMatch(id -> !before.contains(id)));
        List<String> created = invoiceIds(customer).stream().filter(id -> !before.contains(id)).toList();
        assertThat(created).hasSize(1);
        return created.getFirst();
    }

    /** The Graph call whose answer carried {@code wamid} (the id the outbox row recorded), as it was sent. */
    private ServeEvent graphCallAnsweredWith(String wamid) {
        List<ServeEvent> calls = wiremock.getAllServeEvents().stream()
                .filter(call -> call.getResponse().getBodyAsString().contains("\"" + wamid + "\""))
                .toList();
        assertThat(calls).as("Graph calls answered with %s", wamid).hasSize(1);
        return calls.getFirst();
    }

    private static JsonNode body(ServeEvent call) {
        JsonNode body = parse(call.getRequest().getBodyAsString());
        assertThat(body.path("messaging_product").asText()).isEqualTo("whatsapp");
        return body;
    }

    /**
     * A webhook that is processed after every webhook acknowledged before it (one worker), and whose processing
     * shows: a text from a number nobody else uses, recorded in {@code inbound_events} by its wamid. The bot's
     * answer to it waits in the outbox; the number is returned.
     */
    private Msisdn awaitMarker() {
        Msisdn stranger = Customers.fresh();
        String wamid = "wamid.marker-" + UUID.randomUUID();
        postSigned(whatsAppText(GraphApiWireMock.PHONE_ID, stranger, wamid, "hello")).then().statusCode(200);
        eventually(WAIT, () -> db.count("SELECT count(*) FROM inbound_events WHERE event_id = ?", wamid) == 1);
        return stranger;
    }

    private static Response postSigned(String body) {
        return postSignedWebhook(body, WhatsAppConfigured.APP_SECRET);
    }

    private static String merchantText(String text) {
        return whatsAppText(GraphApiWireMock.PHONE_ID, MERCHANT, "wamid.e2e-" + UUID.randomUUID(), text);
    }

    private static String wamidIn(String webhook) {
        return parse(webhook).path("entry").path(0).path("changes").path(0).path("value").path("messages").path(0)
                .path("id").asText();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
