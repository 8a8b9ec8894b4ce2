package ke.invoiceiq.bootstrap.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static ke.invoiceiq.bootstrap.endtoend.Conversation.MERCHANT;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.bootstrap.endtoend.Conversation.Received;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.bootstrap.testing.FlakyInvoiceAdds;
import ke.invoiceiq.bootstrap.testing.ProviderTraffic;
import ke.invoiceiq.bootstrap.testing.Scrape;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.WebhookInbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No inbound message is lost, none is handled out of its sender's order, and a backlog drains at the speed of the
 * service: through the real webhook and SMS callback, on the real PostgreSQL, with the production worker count,
 * attempts and sweeper rest (only the wait between two tries of a failing webhook is shortened).
 */
@QuarkusTest
@TestProfile(AcceptanceProfile.class)
@WithTestResource(GraphApiWireMock.class)
@WithTestResource(DarajaWireMock.class)
@WithTestResource(AfricasTalkingWireMock.class)
class InboundReliabilityTest extends AcceptanceBase {

    private static final Duration RETRIES = Duration.ofSeconds(45);
    private static final String SORRY = "Sorry, we could not process your message. Please try again.";

    @Inject
    WebhookInbox inbox;

    @AfterEach
    void storesWork() {
        FlakyInvoiceAdds.disarm();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static String text(Msisdn from, String text) {
        return ProviderTraffic.whatsAppText(GraphApiWireMock.PHONE_ID, from, ProviderTraffic.newWamid(), text);
    }

    private static String tap(Msisdn from, String buttonId) {
        return ProviderTraffic.whatsAppTap(GraphApiWireMock.PHONE_ID, from, ProviderTraffic.newWamid(), buttonId,
                "button");
    }

    /** Posts a signed webhook and returns once it is acknowledged (not once it is handled). */
    private static void acknowledged(String webhook) {
        assertThat(ProviderTraffic.postSignedWebhook(webhook, AcceptanceProfile.APP_SECRET).statusCode())
                .isEqualTo(200);
    }

    private long webhooks(String condition, String webhook) {
        return db.count("SELECT count(*) FROM webhook_inbox WHERE body = convert_to(?, 'UTF8') AND " + condition,
                webhook);
    }

    private boolean processed(String webhook) {
        return webhooks("processed_at IS NOT NULL", webhook) == 1;
    }

    // ---- a handling that fails is tried again, and at last answered ------------------------------------------

    @Test
    void givenStoringTheInvoiceFailsOnce_whenTheMerchantsCommandArrives_thenALaterTryCreatesAndSendsItOnce() {
        Msisdn customer = Customers.fresh();
        String command = text(MERCHANT, "invoice " + Customers.typed(customer) + " 2500 Cleaning");
        FlakyInvoiceAdds.failNextAdds(1);

        acknowledged(command);

        eventually(RETRIES, () -> webhooks("failures = 1", command) == 1);
        eventually(RETRIES, () -> processed(command));
        assertThat(FlakyInvoiceAdds.failed()).isEqualTo(1);
        assertThat(webhooks("given_up_at IS NULL AND last_error = 'java.lang.IllegalStateException'", command))
                .isEqualTo(1);
        String invoice = chat.onlyInvoiceOf(customer);
        chat.dispatch();
        assertThat(chat.status(invoice)).isEqualTo("SENT");
        assertThat(chat.whatsAppTo(customer)).singleElement()
                .satisfies(message -> assertThat(message.text()).contains("Invoice #" + invoice));
    }

    @Test
    void givenEveryTryFails_whenTheMerchantsCommandArrives_thenAfterTheLastTryTheMerchantIsAskedToSendItAgain() {
        Msisdn customer = Customers.fresh();
        String command = text(MERCHANT, "invoice " + Customers.typed(customer) + " 2500 Cleaning");
        Scrape before = scrape();
        FlakyInvoiceAdds.failNextAdds(Integer.MAX_VALUE);

        acknowledged(command);

        eventually(RETRIES, () -> webhooks("given_up_at IS NOT NULL AND processed_at IS NOT NULL", command) == 1);
        assertThat(webhooks("failures = 5", command)).as("the production number of tries").isEqualTo(1);
        assertThat(FlakyInvoiceAdds.failed()).isEqualTo(5);
        assertThat(chat.invoicesOf(customer)).isEmpty();
        chat.dispatch();
        assertThat(chat.lastWhatsAppTo(MERCHANT).text()).isEqualTo(SORRY);
        assertThat(scrape().minus(before, "invoiceiq_inbound_given_up_total", "channel", "whatsapp")).isEqualTo(1);
        FlakyInvoiceAdds.disarm();
        acknowledged(command);
        eventually(RETRIES, () -> webhooks("processed_at IS NOT NULL", command) == 2);
        assertThat(chat.invoicesOf(customer)).as("Meta's redelivery of the given-up message").isEmpty();
    }

    @Test
    void givenStoringTheInvoiceFailsOnce_whenTheMerchantTextsTheCommand_thenItIsHandledOnceBeforeTheAnswer() {
        Msisdn customer = Customers.fresh();
        FlakyInvoiceAdds.failNextAdds(1);

        chat.texts(MERCHANT, "invoice " + Customers.typed(customer) + " 1500 Ironing");

        assertThat(FlakyInvoiceAdds.failed()).isEqualTo(1);
        assertThat(chat.invoicesOf(customer)).hasSize(1);
    }

    @Test
    void givenEveryTryFails_whenTheMerchantTextsTheCommand_thenTheMerchantGetsTheSorrySmsAndItIsCounted() {
        Msisdn customer = Customers.fresh();
        Scrape before = scrape();
        FlakyInvoiceAdds.failNextAdds(Integer.MAX_VALUE);

        chat.texts(MERCHANT, "invoice " + Customers.typed(customer) + " 1500 Ironing");

        assertThat(chat.invoicesOf(customer)).isEmpty();
        chat.dispatch();
        assertThat(chat.smsTo(MERCHANT)).last().isEqualTo(SORRY);
        assertThat(scrape().minus(before, "invoiceiq_inbound_given_up_total", "channel", "sms")).isEqualTo(1);
    }

    // ---- one sender's messages in order; a slow provider holds up nobody else -------------------------------

    @Test
    void givenThreeGuidedFlowsOfTheMerchantDeliveredAllAtOnce_whenHandled_thenEveryStepAppliesInOrder() {
        List<Msisdn> customers = List.of(Customers.fresh(), Customers.fresh(), Customers.fresh());
        List<String> webhooks = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            webhooks.add(text(MERCHANT, "invoice"));
            webhooks.add(text(MERCHANT, Customers.typed(customers.get(i))));
            webhooks.add(tap(MERCHANT, "skip"));
            webhooks.add(text(MERCHANT, String.valueOf(1100 + 100 * i)));
            webhooks.add(text(MERCHANT, "Flow item " + i));
            webhooks.add(tap(MERCHANT, "skip"));
            webhooks.add(tap(MERCHANT, "send"));
        }

        webhooks.forEach(InboundReliabilityTest::acknowledged);

        eventually(RETRIES, () -> webhooks.stream().allMatch(this::processed));
        for (int i = 0; i < customers.size(); i++) {
            String invoice = chat.onlyInvoiceOf(customers.get(i));
            assertThat(db.column("SELECT amount_cents || ' ' || description FROM invoices WHERE id = ?", invoice))
                    .containsExactly((1100 + 100 * i) * 100 + " Flow item " + i);
        }
        assertThat(webhooks).as("no step failed and was tried again")
                .allMatch(webhook -> webhooks("failures = 0", webhook) == 1);
    }

    @Test
    void givenPayTapsWaitingOnASlowMpesa_whenTheMerchantWrites_thenTheMerchantIsAnsweredWhileThePushesHang() {
        List<Msisdn> payers = new ArrayList<>();
        List<String> invoices = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Msisdn payer = Customers.fresh();
            payers.add(payer);
            invoices.add(sentInvoice(payer, (100 + i) + " Slow pay"));
        }
        daraja.stubFor(post(urlPathEqualTo(DarajaWireMock.PUSH_PATH)).atPriority(1).willReturn(aResponse()
                .withFixedDelay(6_000).withStatus(200).withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("""
                        {"MerchantRequestID":"29115-{{randomValue length=8 type='NUMERIC'}}-1",
                         "CheckoutRequestID":"ws_CO_{{randomValue length=24 type='NUMERIC'}}",
                         "ResponseCode":"0","ResponseDescription":"Success. Request accepted for processing",
                         "CustomerMessage":"Success. Request accepted for processing"}""")));
        List<String> taps = new ArrayList<>();
        for (int i = 0; i < payers.size(); i++) {
            taps.add(tap(payers.get(i), "pay_" + invoices.get(i)));
        }
        taps.forEach(InboundReliabilityTest::acknowledged);
        // an attempt is stored just before its push is asked for
        eventually(Duration.ofSeconds(5), () -> db.count("SELECT count(*) FROM payments WHERE status = 'INITIATED'"
                + " AND invoice_id = ANY (?)", (Object) invoices.toArray(String[]::new)) == payers.size());
        int merchantHad = chat.whatsAppTo(MERCHANT).size();
        Instant asked = Instant.now();

        chat.says(MERCHANT, "help");

        Duration took = Duration.between(asked, Instant.now());
        chat.dispatch();
        assertThat(chat.whatsAppTo(MERCHANT)).hasSize(merchantHad + 1);
        assertThat(took).as("answered while the pushes still hang").isLessThan(Duration.ofSeconds(4));
        assertThat(taps).as("the pushes still hang").noneMatch(this::processed);
        eventually(RETRIES, () -> taps.stream().allMatch(this::processed));
        chat.dispatch();
        for (Msisdn payer : payers) {
            assertThat(chat.whatsAppTo(payer)).extracting(Received::text)
                    .anyMatch(t -> t.startsWith("Check your phone for the M-PESA payment prompt!"));
        }
    }

    // ---- a backlog drains at processing speed ---------------------------------------------------------------

    @Test
    void givenAFewHundredWebhooksLeftInTheInbox_whenTheSweeperFindsThem_thenAllAreProcessedWithinSeconds() {
        Instant burst = clock.instant().minus(Duration.ofMinutes(2));
        List<Msisdn> customers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String body;
            if (i % 5 == 0) {
                Msisdn customer = Customers.fresh();
                customers.add(customer);
                body = text(customer, "hello");
            } else {
                body = ProviderTraffic.whatsAppStatus(GraphApiWireMock.PHONE_ID, "wamid.backlog-" + i, "delivered",
                        Customers.fresh(), "");
            }
            Instant receivedAt = burst.plusMillis(i);
            // acknowledged during a burst the dispatcher had no room for: stored, its lease given back
            inbox.store("whatsapp", body.getBytes(StandardCharsets.UTF_8), receivedAt, Optional.empty());
        }
        assertThat(scrape().has("invoiceiq_webhook_backlog_age_seconds")).isTrue();
        Instant start = Instant.now();

        eventually(Duration.ofSeconds(30), () -> db.count("SELECT count(*) FROM webhook_inbox WHERE processed_at"
                + " IS NULL AND received_at BETWEEN ? AND ?", OffsetDateTime.ofInstant(burst, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(burst.plusSeconds(1), ZoneOffset.UTC)) == 0);

        Duration took = Duration.between(start, Instant.now());
        assertThat(took).as("300 webhooks, one rest of the sweeper at most, then at the service's speed")
                .isLessThan(Duration.ofSeconds(20));
        chat.dispatch();
        for (Msisdn customer : customers) {
            assertThat(chat.whatsAppTo(customer)).as("every customer who wrote got the answer").hasSize(1);
        }
    }
}
