package ke.invoiceiq.adapters.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.Button;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.SendResult;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.StkPushRequest;
import ke.invoiceiq.domain.payment.StkPushResponse;
import ke.invoiceiq.domain.payment.StkQueryResponse;
import ke.invoiceiq.domain.payment.StkResult;
import org.junit.jupiter.api.Test;

/**
 * The simulated providers in a running Quarkus, their traffic caught by {@link FakeProviderEndpoints} on the paths
 * the real endpoints serve: every webhook signed with the app secret, every callback on its token, and the calls
 * reach this very process on the port it really listens on (a random test port).
 */
@QuarkusTest
class SandboxTrafficTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TestHTTPResource("/")
    URL root;

    @Inject
    LocalEndpoint endpoint;

    @Inject
    SandboxAnnouncer announcer;

    @Inject
    SandboxChatMessenger chat;

    @Inject
    SandboxSmsMessenger sms;

    @Inject
    SandboxPaymentGateway mpesa;

    @Test
    void givenTheTestPort_whenTheSandboxLooksForItsOwnPort_thenItIsThePortTheServerListensOn() {
        assertThat(root.getPort()).as("a random test port").isPositive().isNotEqualTo(8080);
        assertThat(endpoint.port()).isEqualTo(root.getPort());
        assertThat(endpoint.baseUri().toString()).isEqualTo("http://localhost:" + root.getPort());
    }

    @Test
    void givenTheSandboxOn_whenTheServerHasStarted_thenTheFirstRunLineNamesThePageOnTheRealPort() {
        String line = Eventually.get(WAIT, "the startup line", () -> Optional.ofNullable(announcer.announced()));
        assertThat(line).isEqualTo("Sandbox on: open http://localhost:" + root.getPort()
                + "/sandbox to try InvoiceIQ with simulated WhatsApp, M-PESA and SMS");
    }

    @Test
    void givenTheMerchantsText_whenPostedThroughTheSandbox_thenASignedWebhookCarriesItFromTheMerchant() {
        JsonPath posted = given().contentType("application/json")
                .body(Map.of("text", "invoice 0712345678 2500 Cleaning")).when().post("/sandbox/api/merchant/messages")
                .then().statusCode(202).extract().jsonPath();
        String wamid = posted.getString("id");
        assertThat(wamid).startsWith("wamid.SBX");
        assertThat(posted.getString("status")).isEqualTo("sent");
        assertThat(posted.getString("direction")).isEqualTo("out");

        JsonNode message = message(webhookWith(wamid));
        assertThat(message.path("from").asText()).isEqualTo(TestWiring.MERCHANT.value());
        assertThat(message.path("text").path("body").asText()).isEqualTo("invoice 0712345678 2500 Cleaning");

        JsonPath state = state("254712345678");
        assertThat(state.getList("merchant.messages.id", String.class)).contains(wamid);
        assertThat(state.getString("merchant.number")).isEqualTo(TestWiring.MERCHANT.value());
    }

    @Test
    void givenAMessageWithButtons_whenSent_thenItShowsWithItsButtons_andSentDeliveredReadComeBackSigned() {
        Msisdn customer = fresh("25471");
        SendResult result = chat.send(new ChatMessage.Buttons(customer, "Invoice INV-7K3Q9X: KES 2,500",
                List.of(new Button("pay_INV-7K3Q9X", "Pay with M-PESA"),
                        new Button("view_INV-7K3Q9X", "View details"))));

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        String wamid = ((SendResult.Accepted) result).providerMessageId();
        assertThat(wamid).matches("wamid\\.SBX[A-Z0-9]{24}");
        for (String status : List.of("sent", "delivered", "read")) {
            JsonNode event = Eventually.get(WAIT, status, () -> webhooks().stream()
                    .map(SandboxTrafficTest::statusOf).filter(s -> s.path("id").asText().equals(wamid)
                            && s.path("status").asText().equals(status)).findFirst());
            assertThat(event.path("recipient_id").asText()).isEqualTo(customer.value());
        }
        Eventually.get(WAIT, "read on the phone", () -> Optional.of(state(customer.value())).filter(
                s -> "read".equals(s.getString("customer.messages.find { it.id == '" + wamid + "' }.status"))));
        JsonPath state = state(customer.value());
        assertThat(state.getList("customer.messages[0].buttons.id", String.class))
                .containsExactly("pay_INV-7K3Q9X", "view_INV-7K3Q9X");
        assertThat(state.getString("customer.messages[0].direction")).isEqualTo("in");
        assertThat(state.getString("customer.messages[0].channel")).isEqualTo("whatsapp");
    }

    @Test
    void givenANumberInTheNoWhatsAppRange_whenSentOnWhatsApp_thenUndeliverable131026AndANoteOnThePhone() {
        Msisdn noWhatsApp = fresh("25479");
        int before = webhooks().size();

        SendResult result = chat.send(new ChatMessage.Text(noWhatsApp, "hello"));

        assertThat(result).isEqualTo(new SendResult.Undeliverable("131026"));
        JsonPath state = state(noWhatsApp.value());
        assertThat(state.getBoolean("customer.whatsApp")).isFalse();
        assertThat(state.getList("customer.messages.kind", String.class)).containsExactly("note");
        assertThat(state.getString("customer.messages[0].text")).contains("131026");
        assertThat(webhooks()).as("no status for a refused send").hasSize(before);
    }

    @Test
    void givenAnSms_whenSent_thenItShowsOnThePhone_andAtsDeliveryReportReachesTheStatusCallback() {
        Msisdn customer = fresh("25479");
        SendResult result = sms.send(customer, "Invoice INV-7K3Q9X: KES 700. Pay: http://localhost:8080/pay/abc");

        String id = ((SendResult.Accepted) result).providerMessageId();
        assertThat(id).matches("ATXid_SBX[A-Z0-9]{16}");
        Map<String, String> report = Eventually.get(WAIT, "the delivery report", () -> calls("sms-status").stream()
                .map(FakeProviderEndpoints.Call::form).filter(f -> id.equals(f.get("id"))).findFirst());
        assertThat(report).containsEntry("status", "Success").containsEntry("phoneNumber", customer.e164());
        Eventually.get(WAIT, "delivered on the phone", () -> Optional.of(state(customer.value())).filter(
                s -> "delivered".equals(s.getString("customer.messages[0].status"))));
        assertThat(state(customer.value()).getString("customer.messages[0].channel")).isEqualTo("sms");
    }

    @Test
    void givenAPushAnsweredOk_whenTheAmountIsPaid_thenTheCallbackCarriesAnSbxReceiptAndTheQueryTheResult() {
        Msisdn payer = fresh("25471");
        String checkout = push(payer, 2500);

        JsonPath prompt = state(payer.value());
        assertThat(prompt.getString("customer.prompt.checkoutRequestId")).isEqualTo(checkout);
        assertThat(prompt.getLong("customer.prompt.amount")).isEqualTo(2500);
        assertThat(prompt.getString("customer.prompt.account")).isEqualTo("INV-7K3Q9X");
        assertThat(mpesa.queryStkPush(new CheckoutRequestId(checkout)))
                .as("the prompt is open").isInstanceOf(StkQueryResponse.Pending.class);

        given().contentType("application/json").body(Map.of("action", "ok", "pin", "1234"))
                .when().post("/sandbox/api/stk/" + checkout)
                .then().statusCode(200).extract().jsonPath().getInt("resultCode");

        JsonNode callback = callback(checkout);
        assertThat(callback.path("ResultCode").asInt()).isZero();
        JsonNode items = callback.path("CallbackMetadata").path("Item");
        assertThat(value(items, "MpesaReceiptNumber").asText()).matches("SBX[A-Z0-9]{7}");
        assertThat(value(items, "Amount").decimalValue()).isEqualByComparingTo(new BigDecimal("2500"));
        assertThat(value(items, "PhoneNumber").asLong()).isEqualTo(Long.parseLong(payer.value()));
        assertThat(state(payer.value()).getString("customer.prompt")).as("the prompt closed").isNull();
        assertThat(mpesa.queryStkPush(new CheckoutRequestId(checkout)))
                .isEqualTo(new StkQueryResponse.Final(new StkResult(0,
                        "The service request is processed successfully.")));
        given().contentType("application/json").body(Map.of("action", "ok"))
                .when().post("/sandbox/api/stk/" + checkout)
                .then().statusCode(404);
    }

    @Test
    void givenAPushCancelledOnThePhone_thenTheCallbackIs1032WhateverTheAmount() {
        Msisdn payer = fresh("25471");
        String checkout = push(payer, 2500);

        int code = given().contentType("application/json").body(Map.of("action", "cancel"))
                .when().post("/sandbox/api/stk/" + checkout)
                .then().statusCode(200).extract().jsonPath().getInt("resultCode");

        assertThat(code).isEqualTo(1032);
        JsonNode callback = callback(checkout);
        assertThat(callback.path("ResultCode").asInt()).isEqualTo(1032);
        assertThat(callback.has("CallbackMetadata")).isFalse();
    }

    @Test
    void givenAnAmountEndingIn2001_whenAnsweredOk_thenTheCallbackIsTheWrongPin() {
        Msisdn payer = fresh("25471");
        String checkout = push(payer, 12001);
        given().contentType("application/json").body(Map.of("action", "ok", "pin", "0000"))
                .when().post("/sandbox/api/stk/" + checkout).then().statusCode(200);

        assertThat(callback(checkout).path("ResultCode").asInt()).isEqualTo(2001);
    }

    @Test
    void givenAPromptNobodyAnswers_whenTheAutoAnswerTimeHasPassed_thenTheAmountRuleAnswersAndTheCallbackComes() {
        Msisdn payer = fresh("25471");
        String checkout = push(payer, 10001);

        JsonNode callback = callback(checkout);

        assertThat(callback.path("ResultCode").asInt()).isEqualTo(1);
        assertThat(callback.path("ResultDesc").asText()).isEqualTo("The balance is insufficient for the transaction.");
        assertThat(state(payer.value()).getList("customer.messages.text", String.class))
                .anySatisfy(note -> assertThat(note).contains("Nobody answered"));
    }

    @Test
    void givenAQueryAboutAPushTheSandboxNeverSaw_thenItHasExpired() {
        assertThat(mpesa.queryStkPush(new CheckoutRequestId("ws_CO_elsewhere")))
                .isEqualTo(new StkQueryResponse.Final(new StkResult(1019,
                        "Transaction has expired")));
    }

    @Test
    void givenAButtonOnTheCustomersPhone_whenTapped_thenAButtonReplyInTheContextOfThatMessageIsPosted() {
        Msisdn customer = fresh("25471");
        String invoiceMessage = ((SendResult.Accepted) chat.send(new ChatMessage.Buttons(customer, "Invoice",
                List.of(new Button("pay_INV-7K3Q9X", "Pay with M-PESA"))))).providerMessageId();

        String wamid = given().contentType("application/json")
                .body(Map.of("number", "0" + customer.value().substring(3), "buttonId", "pay_INV-7K3Q9X"))
                .when().post("/sandbox/api/customer/taps")
                .then().statusCode(202).extract().jsonPath().getString("id");

        JsonNode tap = message(webhookWith(wamid));
        assertThat(tap.path("from").asText()).isEqualTo(customer.value());
        assertThat(tap.path("context").path("id").asText()).isEqualTo(invoiceMessage);
        assertThat(tap.path("interactive").path("button_reply").path("id").asText()).isEqualTo("pay_INV-7K3Q9X");
        assertThat(tap.path("interactive").path("button_reply").path("title").asText()).isEqualTo("Pay with M-PESA");
        assertThat(state(customer.value()).getString("customer.messages[-1].text")).isEqualTo("Pay with M-PESA");
    }

    @Test
    void givenTheCustomersSms_whenSent_thenAtsIncomingSmsFormReachesTheInboundCallback() {
        Msisdn customer = fresh("25479");
        String id = given().contentType("application/json")
                .body(Map.of("number", customer.value(), "text", "PAY INV-7K3Q9X"))
                .when().post("/sandbox/api/customer/sms")
                .then().statusCode(202).extract().jsonPath().getString("id");

        Map<String, String> form = calls("sms-inbound").stream().map(FakeProviderEndpoints.Call::form)
                .filter(f -> id.equals(f.get("id"))).findFirst().orElseThrow();
        assertThat(form).containsEntry("from", customer.e164()).containsEntry("text", "PAY INV-7K3Q9X")
                .containsKeys("date", "to", "linkId", "networkCode");
        assertThat(calls("sms-inbound").getLast().contentType()).startsWith("application/x-www-form-urlencoded");
    }

    @Test
    void givenANoWhatsAppNumber_whenItTriesWhatsApp_thenTheSandboxRefusesWith400() {
        given().contentType("application/json").body(Map.of("number", fresh("25479").value(), "text", "hi"))
                .when().post("/sandbox/api/customer/whatsapp")
                .then().statusCode(400);
    }

    @Test
    void givenBadInput_thenTheSandboxSays400InWords() {
        given().contentType("application/json").body(Map.of("number", "12345", "text", "hi"))
                .when().post("/sandbox/api/customer/sms")
                .then().statusCode(400).body("error", org.hamcrest.Matchers.containsString("2547"));
        given().contentType("application/json").body(Map.of("text", "  "))
                .when().post("/sandbox/api/merchant/messages")
                .then().statusCode(400);
        given().when().get("/sandbox/api/state?customer=nonsense").then().statusCode(400);
        given().contentType("application/json").body(Map.of("action", "maybe"))
                .when().post("/sandbox/api/stk/ws_CO_x").then().statusCode(400);
    }

    @Test
    void givenTheState_thenItNamesTheRangeTheBusinessAndAVersion() {
        JsonPath state = state("0712345678");
        assertThat(state.getString("customer.number")).isEqualTo("254712345678");
        assertThat(state.getList("noWhatsAppPrefixes", String.class)).containsExactly("25479");
        assertThat(state.getString("businessName")).isEqualTo("Sandbox Test Shop");
        assertThat(state.getLong("version")).isNotNegative();
        assertThat(FakeProviderEndpoints.REFUSED).as("nothing the sandbox posted was refused").isEmpty();
    }

    // ---- helpers ----

    private String push(Msisdn payer, long shillings) {
        StkPushResponse response = mpesa.requestStkPush(new StkPushRequest(new PaymentId("pay-" + payer.value()),
                payer, Amount.ofShillings(shillings), new InvoiceId("INV-7K3Q9X")));
        assertThat(response).isInstanceOf(StkPushResponse.Accepted.class);
        String checkout = ((StkPushResponse.Accepted) response).checkoutRequestId().value();
        assertThat(checkout).startsWith("ws_CO_SBX");
        return checkout;
    }

    private static JsonNode callback(String checkout) {
        return Eventually.get(WAIT, "the callback of " + checkout, () -> calls("stk").stream()
                .map(c -> read(c.body()).path("Body").path("stkCallback"))
                .filter(c -> checkout.equals(c.path("CheckoutRequestID").asText())).findFirst());
    }

    private static JsonNode value(JsonNode items, String name) {
        for (JsonNode item : items) {
            if (name.equals(item.path("Name").asText())) {
                return item.path("Value");
            }
        }
        throw new AssertionError("no " + name);
    }

    private static byte[] webhookWith(String wamid) {
        return Eventually.get(WAIT, "the webhook of " + wamid, () -> webhooks().stream()
                .filter(body -> wamid.equals(message(body).path("id").asText())).findFirst());
    }

    private static List<byte[]> webhooks() {
        return calls("webhook").stream().map(FakeProviderEndpoints.Call::body).toList();
    }

    private static List<FakeProviderEndpoints.Call> calls(String endpoint) {
        return FakeProviderEndpoints.CALLS.stream().filter(c -> c.endpoint().equals(endpoint)).toList();
    }

    private static JsonNode message(byte[] webhook) {
        return read(webhook).at("/entry/0/changes/0/value/messages/0");
    }

    private static JsonNode statusOf(byte[] webhook) {
        return read(webhook).at("/entry/0/changes/0/value/statuses/0");
    }

    private static JsonNode read(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonPath state(String customer) {
        return given().queryParam("customer", customer).when().get("/sandbox/api/state")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Msisdn fresh(String prefix) {
        StringBuilder number = new StringBuilder(prefix);
        while (number.length() < 12) {
            number.append(ThreadLocalRandom.current().nextInt(10));
        }
        return new Msisdn(number.toString());
    }
}
