package ke.invoiceiq.bootstrap.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static ke.invoiceiq.bootstrap.testing.HealthEndpoints.health;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ke.invoiceiq.adapters.africastalking.outbound.AfricasTalkingSmsMessenger;
import ke.invoiceiq.application.messaging.DispatchOutboxUseCase;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.bootstrap.testing.Database;
import ke.invoiceiq.bootstrap.testing.ProviderTraffic;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.SmsMessenger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SMS side of the product in the running application, with WhatsApp and Africa's Talking configured: WireMock
 * plays the Graph API ({@link GraphApiWireMock}) and Africa's Talking ({@link AfricasTalkingWireMock}), the use cases
 * run on the real PostgreSQL, and delivery reports and incoming SMS arrive through the real callback endpoints
 * ({@code /sms/status/{token}}, {@code /sms/inbound/{token}}) as form posts in the shape of docs/sms.md.
 * The merchant works by SMS here (their number is a configured staff number, so the same command parser answers).
 * Jobs are off in tests, so the test dispatches the outbox itself; M-PESA is the scripted stand-in.
 *
 * <p>The database is shared with the other test classes, so each case uses numbers no other test uses and finds its
 * rows by invoice id.
 */
@QuarkusTest
@TestProfile(SmsLoopTest.SmsConfigured.class)
@WithTestResource(GraphApiWireMock.class)
@WithTestResource(AfricasTalkingWireMock.class)
class SmsLoopTest {

    /**
     * WhatsApp and Africa's Talking both configured, with a numeric shortcode as the sender: customers can reply to
     * it, so the SMS offers "reply PAY" (docs/sms.md).
     */
    public static final class SmsConfigured implements QuarkusTestProfile {

        static final String API_KEY = "e2e-at-api-key-not-a-secret";
        static final String CALLBACK_TOKEN = "e2e-sms-callback-token";
        static final String SHORTCODE = "22384";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "waba.token", "e2e-graph-token-not-a-secret",
                    "waba.phone-id", GraphApiWireMock.PHONE_ID,
                    "waba.app-secret", "e2e-app-secret-0123456789abcdef",
                    "waba.pair-interval", "PT1S",
                    "sms.username", "invoiceiq-e2e",
                    "sms.api-key", API_KEY,
                    "sms.sender-id", SHORTCODE,
                    "sms.callback-token", CALLBACK_TOKEN);
        }
    }

    private static final Msisdn MERCHANT = new Msisdn("254700000001");
    private static final String SMS_CHECK = "checks.find { it.name == \"Africa's Talking SMS\" }";

    @GraphApiWireMock.Server
    WireMockServer graph;

    @AfricasTalkingWireMock.Server
    WireMockServer at;

    @Inject
    DispatchOutboxUseCase dispatcher;

    @Inject
    SmsMessenger sms;

    @Inject
    Database db;

    @Inject
    CustomerDirectory customers;

    @Inject
    Clock clock;

    @BeforeEach
    void acceptEverySend() {
        graph.resetAll();
        GraphApiWireMock.acceptEverySend(graph);
        at.resetAll();
        AfricasTalkingWireMock.acceptEverySms(at);
    }

    @Test
    void givenSmsConfigured_whenTheSmsMessengerIsLookedUp_thenItIsAfricasTalking() {
        assertThat(ClientProxy.unwrap(sms)).isInstanceOf(AfricasTalkingSmsMessenger.class);
    }

    /**
     * The fallback chain: WhatsApp refuses the invoice (131026), the SMS goes out through Africa's Talking with the
     * pay link and the PAY reply, the invoice is SENT by SMS, and the delivery report {@code Success} is recorded.
     */
    @Test
    void givenWhatsAppUndeliverable_whenDispatched_thenTheInvoiceGoesBySmsAndItsDeliveryReportIsRecorded() {
        Msisdn customer = Customers.fresh();
        notOnWhatsApp(customer);

        String invoice = merchantInvoiceBySms(customer, "1500 Plumbing");
        dispatchUntil(() -> status(invoice, "INVOICE", "SMS").contains("SENT"));

        assertThat(status(invoice, "INVOICE", "WHATSAPP")).containsExactly("FAILED");
        assertThat(db.column("SELECT status || ' ' || delivery_channel FROM invoices WHERE id = ?", invoice))
                .containsExactly("SENT SMS");
        LoggedRequest call = smsTo(customer).getFirst();
        assertThat(call.getHeader("apiKey")).isEqualTo(SmsConfigured.API_KEY);
        assertThat(call.getHeader("Accept")).contains("application/json");
        assertThat(call.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = form(call);
        assertThat(form).containsEntry("username", "invoiceiq-e2e").containsEntry("from", SmsConfigured.SHORTCODE)
                .containsEntry("to", "+" + customer.value());
        String payToken = db.column("SELECT pay_token FROM invoices WHERE id = ?", invoice).getFirst();
        assertThat(form.get("message")).contains(invoice).contains("PAY " + invoice).contains("/pay/" + payToken)
                .contains("Plumbing");
        assertThat(form.get("message").length()).as("one SMS").isLessThanOrEqualTo(160);

        String messageId = providerId(invoice, "SMS");
        assertThat(messageId).startsWith("ATXid_");
        deliveryReport(messageId, "Success", customer, "").then().statusCode(200);

        assertThat(db.column("SELECT delivery_status FROM outbox WHERE provider_message_id = ?", messageId))
                .containsExactly("DELIVERED");
        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", invoice)).containsExactly("SENT");
    }

    /**
     * WhatsApp refused it and the SMS failed too: the invoice is FAILED and the merchant, who wrote on WhatsApp a
     * moment ago (their 24-hour window is open), hears of it on WhatsApp.
     */
    @Test
    void givenWhatsAppUndeliverableAndTheSmsFailed_whenTheReportArrives_thenTheInvoiceFailsAndTheMerchantIsTold() {
        Msisdn customer = Customers.fresh();
        notOnWhatsApp(customer);
        customers.recordInbound(MERCHANT, clock.instant());
        String invoice = merchantInvoiceBySms(customer, "2200 Painting");
        dispatchUntil(() -> status(invoice, "INVOICE", "SMS").contains("SENT"));

        deliveryReport(providerId(invoice, "SMS"), "Failed", customer, "&failureReason=UserDoesNotExist")
                .then().statusCode(200);

        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", invoice)).containsExactly("FAILED");
        assertThat(db.column("SELECT channel FROM outbox WHERE invoice_id = ? AND purpose = 'MERCHANT_NOTICE'"
                + " AND content->>'text' LIKE '%could not be delivered%'", invoice)).containsExactly("WHATSAPP");
        // on its own, or as a line of a digest with the invoice's earlier confirmation, which waited with it
        dispatchUntil(() -> graph.findAll(WireMock.postRequestedFor(urlPathEqualTo(GraphApiWireMock.MESSAGES_PATH))
                        .withRequestBody(matchingJsonPath("$.to", equalTo(MERCHANT.value())))).stream()
                .anyMatch(request -> request.getBodyAsString().contains(invoice)
                        && request.getBodyAsString().contains("could not be delivered")));
        assertThat(db.column("SELECT status FROM outbox WHERE invoice_id = ? AND purpose = 'MERCHANT_NOTICE'"
                + " AND content->>'text' LIKE '%could not be delivered%'", invoice)).singleElement()
                .isIn("SENT", "COALESCED");
    }

    /** {@code PAY <id>} by SMS, in any case and spacing, from the invoiced number: the STK push starts. */
    @Test
    void givenTheInvoicedNumber_whenItTextsPay_thenThePaymentStartsAndTheAnswerComesBySms() {
        Msisdn customer = Customers.fresh();
        notOnWhatsApp(customer);
        String invoice = merchantInvoiceBySms(customer, "800 Laundry");
        dispatchUntil(() -> status(invoice, "INVOICE", "SMS").contains("SENT"));

        incoming(customer, "  pay   " + invoice.toLowerCase() + " ").then().statusCode(200);

        assertThat(db.column("SELECT status || ' ' || payer_msisdn FROM payments WHERE invoice_id = ?", invoice))
                .containsExactly("INITIATED " + customer.value());
        dispatchUntil(() -> smsTo(customer).size() == 2);
        assertThat(form(smsTo(customer).getLast()).get("message")).contains("Check your phone").contains(invoice);
    }

    @Test
    void givenAnotherNumber_whenItTextsPay_thenNoPaymentAndTheAnswerForAnUnknownInvoice() {
        Msisdn customer = Customers.fresh();
        Msisdn someoneElse = Customers.fresh();
        notOnWhatsApp(customer);
        String invoice = merchantInvoiceBySms(customer, "800 Laundry");

        incoming(someoneElse, "PAY " + invoice).then().statusCode(200);

        assertThat(db.count("SELECT count(*) FROM payments WHERE invoice_id = ?", invoice)).isZero();
        dispatchUntil(() -> smsTo(someoneElse).size() == 1);
        // a typed id may be a guess: the invoice's existence and its customer's number are not given away
        assertThat(form(smsTo(someoneElse).getFirst()).get("message")).isEqualTo("I can't find invoice " + invoice
                + ". Please check the invoice # on your message and try again.");
    }

    /** Anything else gets one short help SMS, at most once an hour per number. */
    @Test
    void givenAStrangerWritingTwice_whenHandled_thenOneHelpSms() {
        Msisdn stranger = Customers.fresh();

        incoming(stranger, "Hello, who is this?").then().statusCode(200);
        incoming(stranger, "Hello??").then().statusCode(200);
        dispatchUntil(() -> smsTo(stranger).size() == 1);
        dispatcher.dispatch();

        assertThat(db.count("SELECT count(*) FROM outbox WHERE recipient_msisdn = ?", stranger.value())).isEqualTo(1);
        assertThat(form(smsTo(stranger).getFirst()).get("message")).contains("PAY");
    }

    /** Africa's Talking may post the same message twice: one invoice. A wrong token: 401, nothing handled. */
    @Test
    void givenTheSameIncomingSmsTwiceAndOneWithAWrongToken_whenPosted_thenOneInvoice() {
        Msisdn customer = Customers.fresh();
        String id = "ATXid_in-" + UUID.randomUUID();
        String command = "invoice " + Customers.typed(customer) + " 450 Ironing";

        incoming(SmsConfigured.CALLBACK_TOKEN, id, MERCHANT, command).then().statusCode(200);
        incoming(SmsConfigured.CALLBACK_TOKEN, id, MERCHANT, command).then().statusCode(200);
        incoming("not-the-token", "ATXid_in-" + UUID.randomUUID(), MERCHANT, command).then().statusCode(401);
        deliveryReport("not-the-token", "ATXid_whatever", "Success", customer, "").then().statusCode(401);

        assertThat(db.count("SELECT count(*) FROM invoices WHERE msisdn = ?", customer.value())).isEqualTo(1);
    }

    @Test
    void givenAReportForAMessageWeNeverSent_whenPosted_thenAcknowledgedAndNothingChanges() {
        String unknown = "ATXid_unknown-" + UUID.randomUUID();

        deliveryReport(unknown, "Failed", Customers.fresh(), "&failureReason=UserDoesNotExist").then().statusCode(200);

        assertThat(db.count("SELECT count(*) FROM outbox WHERE provider_message_id = ?", unknown)).isZero();
    }

    /**
     * Africa's Talking refuses the API key (401): the wellness check is DOWN, SMS degraded, until a send works;
     * readiness stays UP.
     */
    @Test
    void givenTheApiKeyRefused_whenAnSmsIsSent_thenWellnessIsDownUntilASendIsAcceptedAndReadinessStaysUp() {
        Msisdn customer = Customers.fresh();
        StubMapping refused = at.stubFor(post(urlPathEqualTo(AfricasTalkingWireMock.MESSAGING_PATH))
                .atPriority(1).willReturn(aResponse().withStatus(401).withBody("The supplied authentication is invalid")));

        incoming(customer, "hello").then().statusCode(200);
        dispatchUntil(() -> db.column("SELECT status FROM outbox WHERE recipient_msisdn = ?", customer.value())
                .contains("FAILED"));

        health().when().get("/ready").then().statusCode(200)
                .body("status", Matchers.equalTo("UP"));
        health().when().get("/well").then().statusCode(503)
                .body("status", Matchers.equalTo("DOWN"))
                .body(SMS_CHECK + ".status", Matchers.equalTo("DOWN"))
                .body(SMS_CHECK + ".data.mode", Matchers.equalTo("africastalking"))
                .body(SMS_CHECK + ".data.status", Matchers.equalTo("degraded"));

        at.removeStub(refused);
        Msisdn next = Customers.fresh();
        incoming(next, "hello").then().statusCode(200);
        dispatchUntil(() -> smsTo(next).size() == 1
                && db.column("SELECT status FROM outbox WHERE recipient_msisdn = ?", next.value()).contains("SENT"));
        health().when().get("/well").then().statusCode(200)
                .body(SMS_CHECK + ".data.status", Matchers.equalTo("ok"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** The Graph API refuses every message to {@code customer} with 131026 (not a WhatsApp number). */
    private void notOnWhatsApp(Msisdn customer) {
        graph.stubFor(post(urlPathEqualTo(GraphApiWireMock.MESSAGES_PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(customer.value())))
                .atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"(#131026) Message Undeliverable.","type":"OAuthException","code":131026,
                         "error_data":{"messaging_product":"whatsapp","details":"Message Undeliverable."},
                         "fbtrace_id":"AbCdEf"}}""")));
    }

    /** The merchant texts the one-line command by SMS; the id of the invoice it created. */
    private String merchantInvoiceBySms(Msisdn customer, String amountAndItem) {
        incoming(MERCHANT, "invoice " + Customers.typed(customer) + " " + amountAndItem).then().statusCode(200);
        List<String> ids = db.column("SELECT id FROM invoices WHERE msisdn = ?", customer.value());
        assertThat(ids).hasSize(1);
        return ids.getFirst();
    }

    private List<String> status(String invoice, String purpose, String channel) {
        return db.column("SELECT status FROM outbox WHERE invoice_id = ? AND purpose = ? AND channel = ?", invoice,
                purpose, channel);
    }

    private String providerId(String invoice, String channel) {
        return db.column("SELECT provider_message_id FROM outbox WHERE invoice_id = ? AND purpose = 'INVOICE'"
                + " AND channel = ?", invoice, channel).getFirst();
    }

    /** Dispatches until {@code done}, for a few seconds at most: a message to someone just messaged waits its turn. */
    private void dispatchUntil(java.util.function.BooleanSupplier done) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
        while (!done.getAsBoolean() && Instant.now().isBefore(giveUp)) {
            if (dispatcher.dispatch().claimed() == 0) {
                sleep(50);
            }
        }
        assertThat(done.getAsBoolean()).as("reached within 10 s of dispatching").isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<LoggedRequest> smsTo(Msisdn to) {
        return at.findAll(WireMock.postRequestedFor(urlPathEqualTo(AfricasTalkingWireMock.MESSAGING_PATH)))
                .stream().filter(request -> ("+" + to.value()).equals(form(request).get("to"))).toList();
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        return form;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static Response incoming(Msisdn from, String text) {
        return incoming(SmsConfigured.CALLBACK_TOKEN, "ATXid_in-" + UUID.randomUUID(), from, text);
    }

    private static Response incoming(String token, String id, Msisdn from, String text) {
        return ProviderTraffic.smsIncoming(token, id, from, text);
    }

    private static Response deliveryReport(String id, String status, Msisdn to, String extra) {
        return deliveryReport(SmsConfigured.CALLBACK_TOKEN, id, status, to, extra);
    }

    private static Response deliveryReport(String token, String id, String status, Msisdn to, String extra) {
        return ProviderTraffic.smsDeliveryReport(token, id, status, to, extra);
    }
}
