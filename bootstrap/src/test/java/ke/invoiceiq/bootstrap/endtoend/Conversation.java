package ke.invoiceiq.bootstrap.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ke.invoiceiq.application.messaging.DispatchOutboxUseCase;
import ke.invoiceiq.bootstrap.testing.Database;
import ke.invoiceiq.bootstrap.testing.Outboxes;
import ke.invoiceiq.bootstrap.testing.ProviderTraffic;
import ke.invoiceiq.domain.customer.Msisdn;

/**
 * The acceptance tests' view of the running service: people write through the real webhooks, the outbox is
 * dispatched, and what each person received is read back from the provider WireMocks, in order. Every message a
 * person got is one {@link Received}: its text and the ids of its buttons.
 */
final class Conversation {

    static final Msisdn MERCHANT = new Msisdn("254700000001");
    static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message as the person's phone shows it. */
    record Received(String text, List<String> buttons) {
    }

    private final WireMockServer graph;
    private final WireMockServer daraja;
    private final WireMockServer sms;
    private final DispatchOutboxUseCase dispatcher;
    private final Database db;
    private final Clock clock;

    Conversation(WireMockServer graph, WireMockServer daraja, WireMockServer sms, DispatchOutboxUseCase dispatcher,
            Database db, Clock clock) {
        this.graph = graph;
        this.daraja = daraja;
        this.sms = sms;
        this.dispatcher = dispatcher;
        this.db = db;
        this.clock = clock;
    }

    // ---- people write ---------------------------------------------------------------------------------------

    /** {@code from} sends a WhatsApp text; returns once the service has handled it. */
    void says(Msisdn from, String text) {
        deliver(ProviderTraffic.whatsAppText(GraphApiWireMock.PHONE_ID, from, ProviderTraffic.newWamid(), text));
    }

    /** {@code from} taps a reply button; returns once the service has handled it. */
    void taps(Msisdn from, String buttonId) {
        deliver(ProviderTraffic.whatsAppTap(GraphApiWireMock.PHONE_ID, from, ProviderTraffic.newWamid(), buttonId,
                "button"));
    }

    /** Posts a signed webhook (possibly again) and waits until that very body has been processed. */
    void deliver(String webhook) {
        assertThat(ProviderTraffic.postSignedWebhook(webhook, AcceptanceProfile.APP_SECRET).statusCode())
                .isEqualTo(200);
        ProviderTraffic.eventually(WAIT, () -> db.count("SELECT count(*) FROM webhook_inbox WHERE processed_at IS NOT"
                + " NULL AND body = convert_to(?, 'UTF8')", webhook) >= 1);
    }

    /** {@code from} sends an SMS to the shortcode; handled before the answer. */
    void texts(Msisdn from, String text) {
        assertThat(ProviderTraffic.smsIncoming(AcceptanceProfile.SMS_TOKEN, "ATXid_in-" + java.util.UUID.randomUUID(),
                from, text).statusCode()).isEqualTo(200);
    }

    /**
     * Sends every message that is due, until the outbox has nothing left to claim now or in a moment: a message to
     * someone just messaged is sent once their turn comes (the tests' short pair interval).
     */
    void dispatch() {
        Outboxes.drain(dispatcher, db, clock);
    }

    // ---- what people received ---------------------------------------------------------------------------------

    /** Every WhatsApp message {@code to} received, oldest first. */
    List<Received> whatsAppTo(Msisdn to) {
        List<Received> received = new ArrayList<>();
        for (LoggedRequest request : graph.findAll(postRequestedFor(urlPathEqualTo(GraphApiWireMock.MESSAGES_PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(to.value()))))) {
            JsonNode body = parse(request.getBodyAsString());
            String text = body.path("interactive").isMissingNode() ? body.path("text").path("body").asText()
                    : body.path("interactive").path("body").path("text").asText();
            List<String> buttons = new ArrayList<>();
            body.path("interactive").path("action").path("buttons")
                    .forEach(button -> buttons.add(button.path("reply").path("id").asText()));
            received.add(new Received(text, buttons));
        }
        return received;
    }

    Received lastWhatsAppTo(Msisdn to) {
        List<Received> all = whatsAppTo(to);
        assertThat(all).as("WhatsApp messages to %s", to.masked()).isNotEmpty();
        return all.getLast();
    }

    /** The text of every SMS {@code to} received, oldest first. */
    List<String> smsTo(Msisdn to) {
        return sms.findAll(postRequestedFor(urlPathEqualTo(AfricasTalkingWireMock.MESSAGING_PATH))).stream()
                .map(request -> form(request.getBodyAsString()))
                .filter(form -> ("+" + to.value()).equals(form.get("to")))
                .map(form -> form.get("message"))
                .toList();
    }

    /** STK pushes Daraja received for {@code payer}. */
    int pushesFor(Msisdn payer) {
        return daraja.findAll(postRequestedFor(urlPathEqualTo(DarajaWireMock.PUSH_PATH))
                .withRequestBody(matchingJsonPath("$.PhoneNumber", equalTo(payer.value())))).size();
    }

    // ---- what the service holds -------------------------------------------------------------------------------

    /** The ids of {@code customer}'s invoices, oldest first. */
    List<String> invoicesOf(Msisdn customer) {
        return db.column("SELECT id FROM invoices WHERE msisdn = ? ORDER BY created_at, id", customer.value());
    }

    String onlyInvoiceOf(Msisdn customer) {
        List<String> ids = invoicesOf(customer);
        assertThat(ids).as("invoices of %s", customer.masked()).hasSize(1);
        return ids.getFirst();
    }

    String status(String invoice) {
        return db.column("SELECT status FROM invoices WHERE id = ?", invoice).getFirst();
    }

    /** The CheckoutRequestID of the invoice's attempt in flight. */
    String checkoutInFlight(String invoice) {
        List<String> ids = db.column("SELECT checkout_request_id FROM payments WHERE invoice_id = ?"
                + " AND status = 'INITIATED'", invoice);
        assertThat(ids).as("attempts in flight for %s", invoice).hasSize(1);
        return ids.getFirst();
    }

    List<String> paymentStatuses(String invoice) {
        return db.column("SELECT status FROM payments WHERE invoice_id = ? ORDER BY created_at", invoice);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
