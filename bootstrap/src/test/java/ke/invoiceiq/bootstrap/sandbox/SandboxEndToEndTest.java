package ke.invoiceiq.bootstrap.sandbox;

import static io.restassured.RestAssured.given;
import static ke.invoiceiq.bootstrap.testing.HealthEndpoints.health;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import ke.invoiceiq.adapters.sandbox.SandboxChatMessenger;
import ke.invoiceiq.adapters.sandbox.SandboxPaymentGateway;
import ke.invoiceiq.adapters.sandbox.SandboxSmsMessenger;
import ke.invoiceiq.application.messaging.DispatchOutboxUseCase;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.bootstrap.testing.Database;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.SmsMessenger;
import ke.invoiceiq.domain.payment.PaymentGateway;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's API end to end, without a browser, in the running application on the real PostgreSQL: the merchant's
 * text goes in as a signed webhook, the invoice reaches the customer's simulated phone, the Pay tap raises the
 * simulated M-PESA prompt, its answer comes back through the real STK callback, and the receipts reach both phones.
 * Jobs are off in tests, so the test dispatches the outbox itself.
 *
 * <p>The database is shared with the other test classes (and may hold their rows and unsent messages), so each case
 * finds its invoice by id and looks for its own messages on the phones.
 */
@QuarkusTest
@TestProfile(SandboxProfile.class)
class SandboxEndToEndTest {

    private static final Msisdn ISSUE_CUSTOMER = new Msisdn("254712345678");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    DispatchOutboxUseCase dispatcher;

    @Inject
    Database db;

    @Inject
    ChatMessenger chat;

    @Inject
    SmsMessenger sms;

    @Inject
    PaymentGateway gateway;

    @Test
    void givenTheSandboxOnAndNoProviderConfigured_whenThePortsAreLookedUp_thenEachIsItsSimulator() {
        assertThat(ClientProxy.unwrap(chat)).isInstanceOf(SandboxChatMessenger.class);
        assertThat(ClientProxy.unwrap(sms)).isInstanceOf(SandboxSmsMessenger.class);
        assertThat(ClientProxy.unwrap(gateway)).isInstanceOf(SandboxPaymentGateway.class);
        given().when().get("/sandbox").then().statusCode(200);
        health().when().get("/well").then().statusCode(200)
                .body("checks.find { it.name == 'WhatsApp Cloud API' }.data.mode", equalTo("sandbox"))
                .body("checks.find { it.name == \"Africa's Talking SMS\" }.data.mode", equalTo("sandbox"));
    }

    /** The issue's loop: invoice → Pay → prompt → OK → callback → PAID → receipts on both phones. */
    @Test
    void givenTheMerchantsInvoiceCommand_whenTheCustomerPaysOnTheSimulatedPhone_thenPaidAndBothGetTheReceipt() {
        List<String> before = invoiceIds(ISSUE_CUSTOMER);

        merchantSays("invoice 0712345678 2500 Cleaning");
        String invoice = awaitNewInvoice(ISSUE_CUSTOMER, before);
        assertThat(db.column("SELECT amount_cents::text FROM invoices WHERE id = ?", invoice))
                .containsExactly("250000");

        JsonPath withPayButton = dispatchUntil(ISSUE_CUSTOMER, "the invoice with its Pay button",
                state -> hasButton(state, "customer", "pay_" + invoice));
        assertThat(buttonsOf(withPayButton, "customer", "pay_" + invoice)).contains("view_" + invoice);
        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", invoice)).containsExactly("SENT");
        // Meta's sent, delivered and read, simulated, through the real signed webhook
        eventually("the invoice message read", () -> db.column("SELECT delivery_status FROM outbox"
                + " WHERE invoice_id = ? AND purpose = 'INVOICE' AND channel = 'WHATSAPP'", invoice)
                .equals(List.of("READ")));
        dispatchUntil(ISSUE_CUSTOMER, "the merchant's confirmation",
                state -> anyText(state, "merchant",
                        text -> text.contains("Invoice #" + invoice + " (KES 2,500) sent")));

        tap(ISSUE_CUSTOMER, "pay_" + invoice);
        Map<String, Object> prompt = awaitPrompt(ISSUE_CUSTOMER, invoice);
        assertThat(((Number) prompt.get("amount")).longValue()).isEqualTo(2500);
        dispatchUntil(ISSUE_CUSTOMER, "check your phone", state -> anyText(state, "customer",
                text -> text.startsWith("Check your phone for the M-PESA payment prompt! (Invoice #" + invoice)));

        JsonPath answer = answer((String) prompt.get("checkoutRequestId"), "ok");
        assertThat(answer.getInt("resultCode")).isZero();

        eventually("the invoice paid", () -> db.column("SELECT status FROM invoices WHERE id = ?", invoice)
                .equals(List.of("PAID")));
        String receipt = db.column("SELECT mpesa_receipt FROM invoices WHERE id = ?", invoice).getFirst();
        assertThat(receipt).matches("SBX[A-Z0-9]{7}");
        assertThat(db.column("SELECT status FROM payments WHERE invoice_id = ?", invoice)).containsExactly("SUCCESS");
        JsonPath receipts = dispatchUntil(ISSUE_CUSTOMER, "the receipt on both phones",
                state -> anyText(state, "customer",
                        text -> text.contains(invoice) && text.contains("Receipt: " + receipt))
                        && anyText(state, "merchant",
                                text -> text.contains(invoice) && text.contains("Receipt: " + receipt)));
        assertThat(messages(receipts, "customer")).anySatisfy(m -> {
            assertThat(m.get("text")).asString().startsWith("Paid ✔ — Invoice #" + invoice);
            assertThat(m.get("channel")).isEqualTo("whatsapp");
        });
    }

    /**
     * Issue 17: the customer pays from the M-PESA menu instead of the prompt. Paybill with the invoice number typed
     * loosely, then a Till payment of another invoice's exact amount; both through Safaricom's C2B confirmation on
     * the real endpoint.
     */
    @Test
    void givenAnInvoice_whenTheCustomerPaysItByPaybillOrTillFromTheMenu_thenPaidAndTheReceiptArrives() {
        Msisdn customer = new Msisdn("254712" + (100_000 + java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(900_000)));
        String typed = "0" + customer.value().substring(3);
        long paybillAmount = 10_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(80_000);
        List<String> before = invoiceIds(customer);
        merchantSays("invoice " + typed + " " + paybillAmount + " Paybill test");
        String invoice = awaitNewInvoice(customer, before);
        dispatchUntil(customer, "the invoice", state -> hasButton(state, "customer", "pay_" + invoice));

        JsonPath paid = given().contentType("application/json").body(Map.of("number", customer.value(),
                "amount", paybillAmount, "account", invoice.toLowerCase(java.util.Locale.ROOT).replace('-', ' ')))
                .when().post("/sandbox/api/c2b/paybill").then().statusCode(200).extract().jsonPath();
        assertThat(paid.getInt("status")).isEqualTo(200);
        String transId = paid.getString("transId");

        eventually("the invoice paid by Paybill", () -> db.column("SELECT status FROM invoices WHERE id = ?", invoice)
                .equals(List.of("PAID")));
        assertThat(db.column("SELECT mpesa_receipt FROM invoices WHERE id = ?", invoice)).containsExactly(transId);
        dispatchUntil(customer, "the Paybill receipt", state -> anyText(state, "customer",
                text -> text.contains(invoice) && text.contains(transId)));

        long tillAmount = paybillAmount + 1;
        List<String> beforeTill = invoiceIds(customer);
        merchantSays("invoice " + typed + " " + tillAmount + " Till test");
        String second = awaitNewInvoice(customer, beforeTill);
        dispatchUntil(customer, "the second invoice", state -> hasButton(state, "customer", "pay_" + second));

        given().contentType("application/json").body(Map.of("number", customer.value(), "amount", tillAmount))
                .when().post("/sandbox/api/c2b/till").then().statusCode(200);

        eventually("the invoice paid by Till", () -> db.column("SELECT status FROM invoices WHERE id = ?", second)
                .equals(List.of("PAID")));
    }

    /** An amount ending in 1032: the customer cancels on the phone; the payment fails and both are told. */
    @Test
    void givenAnAmountEndingIn1032_whenTheCustomerAnswersThePrompt_thenThePaymentFailsAndBothAreTold() {
        Msisdn customer = Customers.fresh();

        merchantSays("invoice " + Customers.typed(customer) + " 1032 Window repair");
        String invoice = awaitNewInvoice(customer, List.of());
        dispatchUntil(customer, "the invoice", state -> hasButton(state, "customer", "pay_" + invoice));
        tap(customer, "pay_" + invoice);
        Map<String, Object> prompt = awaitPrompt(customer, invoice);

        assertThat(answer((String) prompt.get("checkoutRequestId"), "ok").getInt("resultCode")).isEqualTo(1032);

        eventually("the payment failed", () -> db.column("SELECT status FROM payments WHERE invoice_id = ?", invoice)
                .equals(List.of("FAILED")));
        assertThat(db.column("SELECT result_code::text FROM payments WHERE invoice_id = ?", invoice))
                .containsExactly("1032");
        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", invoice)).as("still open")
                .containsExactly("SENT");
        dispatchUntil(customer, "both told", state -> anyText(state, "customer",
                text -> text.startsWith("Payment for Invoice #" + invoice + " (KES 1,032) did not go through."))
                // on its own, or as a line of a digest when other notices waited for the merchant's turn with it
                && anyText(state, "merchant", text -> text.contains("Payment for Invoice #" + invoice
                        + " (KES 1,032) failed: the payment was cancelled on the phone")));
    }

    /**
     * A number in the no-WhatsApp range: the WhatsApp send is refused (131026), the invoice goes by SMS with its pay
     * link; the customer's "PAY" SMS raises the prompt through the real SMS inbound callback, and Cancel is 1032.
     */
    @Test
    void givenACustomerWithoutWhatsApp_whenInvoiced_thenTheInvoiceArrivesBySmsWithThePayLink_andPaySmsWorks() {
        Msisdn customer = new Msisdn("25479" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)));

        merchantSays("invoice " + Customers.typed(customer) + " 700 Gardening");
        String invoice = awaitNewInvoice(customer, List.of());
        JsonPath bySms = dispatchUntil(customer, "the invoice by SMS", state -> messages(state, "customer").stream()
                .anyMatch(m -> "sms".equals(m.get("channel")) && String.valueOf(m.get("text")).contains(invoice)
                        && String.valueOf(m.get("text")).contains("/pay/")));
        assertThat(bySms.getBoolean("customer.whatsApp")).isFalse();
        assertThat(messages(bySms, "customer")).anySatisfy(note -> {
            assertThat(note.get("kind")).isEqualTo("note");
            assertThat(String.valueOf(note.get("text"))).contains("131026");
        });
        String smsText = messages(bySms, "customer").stream().filter(m -> "sms".equals(m.get("channel")))
                .map(m -> String.valueOf(m.get("text"))).filter(t -> t.contains(invoice)).findFirst().orElseThrow();
        String payLink = smsText.replaceAll("(?s).*?(https?://\\S+/pay/[A-Za-z0-9_-]+).*", "$1");
        assertThat(payLink).contains("/pay/");
        assertThat(db.column("SELECT status FROM outbox WHERE invoice_id = ? AND purpose = 'INVOICE'"
                + " AND channel = 'WHATSAPP'", invoice)).containsExactly("FAILED");
        assertThat(db.column("SELECT last_error FROM outbox WHERE invoice_id = ? AND purpose = 'INVOICE'"
                + " AND channel = 'WHATSAPP'", invoice)).containsExactly("131026");
        // Africa's Talking's delivery report, simulated, through the real /sms/status/{token}
        eventually("the SMS delivered", () -> db.column("SELECT delivery_status FROM outbox WHERE invoice_id = ?"
                + " AND purpose = 'INVOICE' AND channel = 'SMS'", invoice).equals(List.of("DELIVERED")));
        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", invoice)).containsExactly("SENT");
        // the pay link is the service's own pay page
        assertThat(given().when().get(URI.create(payLink).getPath()).then().statusCode(200).extract().asString())
                .contains(invoice);

        given().contentType("application/json").body(Map.of("number", customer.value(), "text", "PAY " + invoice))
                .when().post("/sandbox/api/customer/sms")
                .then().statusCode(202);
        Map<String, Object> prompt = awaitPrompt(customer, invoice);
        assertThat(answer((String) prompt.get("checkoutRequestId"), "cancel").getInt("resultCode")).isEqualTo(1032);

        eventually("the payment failed", () -> db.column("SELECT status FROM payments WHERE invoice_id = ?", invoice)
                .equals(List.of("FAILED")));
        dispatchUntil(customer, "the failure by SMS", state -> messages(state, "customer").stream()
                .anyMatch(m -> "sms".equals(m.get("channel")) && "in".equals(m.get("direction"))
                        && String.valueOf(m.get("text")).contains(invoice)
                        && !String.valueOf(m.get("text")).contains("/pay/")));
    }

    /** The merchant records cash in the sandbox chat: the invoice is paid and both phones show it. */
    @Test
    void givenAnInvoice_whenTheMerchantTypesPaidCash_thenPaidAndBothPhonesShowIt() {
        Msisdn customer = Customers.fresh();
        merchantSays("invoice " + Customers.typed(customer) + " 1800 Tailoring");
        String invoice = awaitNewInvoice(customer, List.of());
        dispatchUntil(customer, "the invoice", state -> hasButton(state, "customer", "pay_" + invoice));
        eventually("the invoice sent", () -> db.column("SELECT status FROM invoices WHERE id = ?", invoice)
                .equals(List.of("SENT")));

        merchantSays("paid " + invoice + " 800 cash");
        dispatchUntil(customer, "the part on both phones", state -> anyText(state, "customer",
                text -> text.contains("Part payment ✔") && text.contains(invoice) && text.contains("Balance: KES 1,000."))
                && anyText(state, "merchant", text -> text.contains("Recorded ✔ KES 800 (cash) for Invoice #" + invoice)));
        merchantSays("paid " + invoice + " bank");

        eventually("the invoice paid", () -> db.column("SELECT status FROM invoices WHERE id = ?", invoice)
                .equals(List.of("PAID")));
        dispatchUntil(customer, "the receipt on both phones", state -> anyText(state, "customer",
                text -> text.startsWith("Paid ✔ — Invoice #" + invoice)
                        && text.contains("The merchant received KES 1,000 (bank transfer)."))
                && anyText(state, "merchant", text -> text.contains("Invoice #" + invoice + " (KES 1,800) is now"
                        + " paid in full.")));
    }

    // ---- the sandbox API ----

    private static void merchantSays(String text) {
        given().contentType("application/json").body(Map.of("text", text))
                .when().post("/sandbox/api/merchant/messages")
                .then().statusCode(202);
    }

    private static void tap(Msisdn customer, String buttonId) {
        given().contentType("application/json").body(Map.of("number", customer.value(), "buttonId", buttonId))
                .when().post("/sandbox/api/customer/taps")
                .then().statusCode(202);
    }

    private static JsonPath answer(String checkoutRequestId, String action) {
        return given().contentType("application/json").body(Map.of("action", action, "pin", "1234"))
                .when().post("/sandbox/api/stk/" + checkoutRequestId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath state(Msisdn customer) {
        return given().queryParam("customer", customer.value()).when().get("/sandbox/api/state")
                .then().statusCode(200).extract().jsonPath();
    }

    private Map<String, Object> awaitPrompt(Msisdn customer, String invoice) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> prompt = state(customer).getMap("customer.prompt");
            if (prompt != null && invoice.equals(prompt.get("account"))) {
                assertThat((String) prompt.get("checkoutRequestId")).startsWith("ws_CO_SBX");
                return prompt;
            }
            pause();
        }
        throw new AssertionError("no M-PESA prompt for " + invoice + " on the customer's phone");
    }

    /** Dispatches the outbox until the phones show what {@code shown} looks for. */
    private JsonPath dispatchUntil(Msisdn customer, String what, Predicate<JsonPath> shown) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            dispatcher.dispatch();
            JsonPath state = state(customer);
            if (shown.test(state)) {
                return state;
            }
            pause();
        }
        throw new AssertionError("the phones never showed " + what);
    }

    private static List<Map<String, Object>> messages(JsonPath state, String pane) {
        return Optional.ofNullable(state.<Map<String, Object>>getList(pane + ".messages")).orElse(List.of());
    }

    private static boolean anyText(JsonPath state, String pane, Predicate<String> text) {
        return messages(state, pane).stream().filter(m -> "in".equals(m.get("direction")))
                .map(m -> String.valueOf(m.get("text"))).anyMatch(text);
    }

    private static boolean hasButton(JsonPath state, String pane, String buttonId) {
        return !buttonsOf(state, pane, buttonId).isEmpty();
    }

    /** The button ids of the newest message on the pane that carries {@code buttonId}, or none. */
    @SuppressWarnings("unchecked")
    private static List<String> buttonsOf(JsonPath state, String pane, String buttonId) {
        return messages(state, pane).stream()
                .map(m -> (List<Map<String, Object>>) m.get("buttons"))
                .filter(buttons -> buttons != null && buttons.stream().anyMatch(b -> buttonId.equals(b.get("id"))))
                .reduce((first, second) -> second)
                .map(buttons -> buttons.stream().map(b -> String.valueOf(b.get("id"))).toList())
                .orElse(List.of());
    }

    // ---- the database ----

    private List<String> invoiceIds(Msisdn customer) {
        return db.column("SELECT id FROM invoices WHERE msisdn = ? ORDER BY created_at", customer.value());
    }

    private String awaitNewInvoice(Msisdn customer, List<String> before) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> fresh = invoiceIds(customer).stream().filter(id -> !before.contains(id)).toList();
            if (!fresh.isEmpty()) {
                assertThat(fresh).hasSize(1);
                return fresh.getFirst();
            }
            pause();
        }
        throw new AssertionError("no new invoice for the customer");
    }

    private static void eventually(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never: " + what);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
