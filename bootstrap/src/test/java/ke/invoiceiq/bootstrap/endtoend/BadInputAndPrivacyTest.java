package ke.invoiceiq.bootstrap.endtoend;

import static io.restassured.RestAssured.given;
import static ke.invoiceiq.bootstrap.endtoend.Conversation.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import ke.invoiceiq.application.retention.RetentionSettings;
import ke.invoiceiq.bootstrap.endtoend.Conversation.Received;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.bootstrap.testing.ProviderTraffic;
import ke.invoiceiq.bootstrap.testing.Scrape;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.InvoiceId;
import org.junit.jupiter.api.Test;

/**
 * Input that would mislead the customer, replayed webhooks, phone numbers as people type them, and invoice ids
 * guessed by strangers, through the real endpoints: the signed WhatsApp webhook, the SMS callback and the REST API,
 * into the running service on the real PostgreSQL.
 *
 * <p>The database is shared with the other test classes: every case uses customer numbers no other test uses.
 */
@QuarkusTest
@TestProfile(AcceptanceProfile.class)
@WithTestResource(GraphApiWireMock.class)
@WithTestResource(DarajaWireMock.class)
@WithTestResource(AfricasTalkingWireMock.class)
class BadInputAndPrivacyTest extends AcceptanceBase {

    /** A right-to-left override that shows {@code KES 2500} for the text {@code KES 0052}. */
    private static final String TURNED_AMOUNT = "Deposit KES \u202E0052\u202C";
    private static final Duration RETENTION = RetentionSettings.DEFAULT.inboundEvents();
    private static final String TOO_OLD = "invoiceiq_inbound_too_old_total";

    // ---- hidden formatting in descriptions and names ----------------------------------------------------------

    @Test
    void givenADirectionOverrideInAOneLineInvoice_whenTheMerchantSendsIt_thenItIsRefusedSayingWhyAndNothingIsCreated() {
        Msisdn customer = Customers.fresh();

        chat.says(MERCHANT, "invoice " + Customers.typed(customer) + " 2500 " + TURNED_AMOUNT);
        chat.dispatch();

        assertThat(chat.invoicesOf(customer)).isEmpty();
        assertThat(chat.lastWhatsAppTo(MERCHANT).text()).isEqualTo(Description.HIDDEN_FORMATTING);
        assertThat(chat.whatsAppTo(customer)).isEmpty();
    }

    @Test
    void givenHiddenFormattingInTheGuidedFlow_whenTheMerchantAnswers_thenEachStepRefusesItAndStays() {
        Msisdn customer = Customers.fresh();
        step("invoice", "What is the customer's phone number?");
        step(Customers.typed(customer), "Customer name? (Optional)");

        Received name = step("Mama \u2067Njeri\u2069", CustomerName.HIDDEN_FORMATTING);
        assertThat(name.buttons()).containsExactly("skip", "cancel");
        step("Mama Njeri", "Amount in KES?");
        step("2500", "Short description of the invoice");
        Received description = step("\u200FCleaning", Description.HIDDEN_FORMATTING);
        assertThat(description.buttons()).containsExactly("cancel");
        step("Cleaning", "When is it due?");
        Received preview = step("skip", "Review invoice:");
        assertThat(preview.text()).contains("Mama Njeri").contains("Cleaning");

        step("cancel", "Okay, cancelled. No invoice was created.");
        assertThat(chat.invoicesOf(customer)).isEmpty();
    }

    @Test
    void givenHiddenFormattingInTheRestApi_whenAnInvoiceIsCreated_thenA400NamesTheFieldWithTheChatsWords() {
        Msisdn customer = Customers.fresh();

        Response description = createInvoice("{\"msisdn\":\"" + customer.value() + "\",\"amount_cents\":250000,"
                + "\"description\":\"Deposit KES \\u202E0052\\u202C\"}");
        Response name = createInvoice("{\"msisdn\":\"" + customer.value() + "\",\"customer_name\":\"\\u200FMama Njeri\","
                + "\"amount_cents\":250000,\"description\":\"Cleaning\"}");

        assertThat(onlyViolation(description)).containsEntry("field", "description").containsEntry("rule", "format")
                .containsEntry("message", Description.HIDDEN_FORMATTING);
        assertThat(onlyViolation(name)).containsEntry("field", "customer_name").containsEntry("rule", "format")
                .containsEntry("message", CustomerName.HIDDEN_FORMATTING);
        assertThat(chat.invoicesOf(customer)).isEmpty();
    }

    @Test
    void givenEmojiJoinedByZeroWidthJoiners_whenInvoiced_thenTheDescriptionReachesTheCustomerUnchanged() {
        Msisdn customer = Customers.fresh();
        String family = "Family photo 👨\u200D👩\u200D👧";

        chat.says(MERCHANT, "invoice " + Customers.typed(customer) + " 2500 " + family);
        chat.dispatch();

        String invoice = chat.onlyInvoiceOf(customer);
        assertThat(db.column("SELECT description FROM invoices WHERE id = ?", invoice)).containsExactly(family);
        assertThat(chat.lastWhatsAppTo(customer).text()).contains(family);
    }

    // ---- phone numbers as people type them --------------------------------------------------------------------

    @Test
    void givenTheTrunkZeroAfterTheCountryCode_whenTheMerchantInvoices_thenTheNumberIsRead() {
        Msisdn chatCustomer = Customers.fresh();
        Msisdn apiCustomer = Customers.fresh();
        String local = Customers.typed(chatCustomer);   // 07XXXXXXXX

        chat.says(MERCHANT, "invoice +254 " + local.substring(0, 4) + " " + local.substring(4, 7) + " "
                + local.substring(7) + " 2500 Cleaning");
        Response created = createInvoice("{\"msisdn\":\"254" + Customers.typed(apiCustomer) + "\","
                + "\"amount_cents\":250000,\"description\":\"Cleaning\"}");

        assertThat(chat.invoicesOf(chatCustomer)).hasSize(1);
        assertThat(created.statusCode()).as(created.body().asString()).isEqualTo(201);
        assertThat(created.jsonPath().getString("msisdn")).isEqualTo(apiCustomer.value());
        chat.dispatch();   // the two invoices and their confirmations go out now, not into the next test's answers
    }

    @Test
    void givenAPhoneNoFormFits_whenTheMerchantInvoices_thenTheErrorNamesEveryAcceptedForm() {
        chat.says(MERCHANT, "invoice 0812345678 1000 Services");
        chat.dispatch();
        String local = chat.lastWhatsAppTo(MERCHANT).text();
        chat.says(MERCHANT, "invoice +255712345678 1000 Services");
        chat.dispatch();
        String foreign = chat.lastWhatsAppTo(MERCHANT).text();

        assertThat(local).isEqualTo("Invalid phone. Please use format 07XXXXXXXX, 01XXXXXXXX, 2547XXXXXXXX,"
                + " 2541XXXXXXXX or +254XXXXXXXXX.\nExample: invoice 0712345678 2500 Cleaning");
        assertThat(foreign).isEqualTo("Invalid phone. Only Kenyan M-PESA numbers can be invoiced; use format"
                + " 07XXXXXXXX, 01XXXXXXXX, 2547XXXXXXXX, 2541XXXXXXXX or +254XXXXXXXXX.\n"
                + "Example: invoice 0712345678 2500 Cleaning");
    }

    // ---- a guessed PAY INV-… ----------------------------------------------------------------------------------

    @Test
    void givenAGuessedId_whenAnotherNumberTypesPay_thenTheAnswerIsWordForWordThatOfAnUnknownInvoice() {
        Msisdn customer = Customers.fresh();
        Msisdn stranger = Customers.fresh();
        String invoice = sentInvoice(customer, "1500 Cleaning");
        String unknown = unknownInvoiceId();

        chat.says(stranger, "PAY " + unknown);
        chat.dispatch();
        Received toUnknown = chat.lastWhatsAppTo(stranger);
        chat.says(stranger, "PAY " + invoice);
        chat.dispatch();
        Received toGuessed = chat.lastWhatsAppTo(stranger);

        assertThat(toGuessed).isEqualTo(new Received(toUnknown.text().replace(unknown, invoice), toUnknown.buttons()));
        assertThat(toGuessed.text()).isEqualTo("I can't find invoice " + invoice
                + ". Please check the invoice # on your message and try again.");
        assertThat(chat.pushesFor(stranger)).isZero();
        assertThat(chat.pushesFor(customer)).isZero();
    }

    @Test
    void givenAnotherNumber_whenItTapsTheInvoicesPayButton_thenItIsToldToPayFromTheInvoicedPhone() {
        Msisdn customer = Customers.fresh();
        Msisdn otherPhone = Customers.fresh();
        String invoice = sentInvoice(customer, "1500 Cleaning");

        chat.taps(otherPhone, "pay_" + invoice);
        chat.dispatch();

        assertThat(chat.lastWhatsAppTo(otherPhone).text()).isEqualTo("Invoice #" + invoice
                + " was sent to another number (" + customer.masked()
                + ").\nPlease tap Pay with M-PESA from the phone that received it.");
        assertThat(chat.pushesFor(otherPhone)).isZero();
    }

    // ---- a signed webhook replayed after its de-duplication mark is gone ---------------------------------------

    @Test
    void givenAMessageSentLongerAgoThanTheRetention_whenItsSignedWebhookArrives_thenAcknowledgedIgnoredAndCounted() {
        Msisdn customer = Customers.fresh();
        int toMerchant = chat.whatsAppTo(MERCHANT).size();
        Scrape before = scrape();
        String wamid = ProviderTraffic.newWamid();

        chat.deliver(ProviderTraffic.whatsAppText(GraphApiWireMock.PHONE_ID, MERCHANT, wamid,
                "invoice " + Customers.typed(customer) + " 2500 Cleaning",
                Instant.now().minus(RETENTION).minus(Duration.ofHours(1))));
        chat.dispatch();

        assertThat(chat.invoicesOf(customer)).isEmpty();
        assertThat(chat.whatsAppTo(customer)).isEmpty();
        assertThat(chat.whatsAppTo(MERCHANT)).hasSize(toMerchant);
        assertThat(db.count("SELECT count(*) FROM inbound_events WHERE event_id = ?", wamid)).isZero();
        assertThat(scrape().minus(before, TOO_OLD, "channel", "whatsapp")).isEqualTo(1.0);
    }

    @Test
    void givenAHandledWebhookWhoseMarkWasPurged_whenReplayedAfterTheRetention_thenNothingHappensTwice() {
        Msisdn customer = Customers.fresh();
        String wamid = ProviderTraffic.newWamid();
        String webhook = ProviderTraffic.whatsAppText(GraphApiWireMock.PHONE_ID, MERCHANT, wamid,
                "invoice " + Customers.typed(customer) + " 2500 Cleaning");
        chat.deliver(webhook);
        chat.dispatch();
        String invoice = chat.onlyInvoiceOf(customer);
        int toCustomer = chat.whatsAppTo(customer).size();
        int toMerchant = chat.whatsAppTo(MERCHANT).size();
        Scrape before = scrape();

        // fifteen days on, the purge has forgotten the message id (this one mark, so other tests keep theirs)
        clock.advance(RETENTION.plusDays(1));
        assertThat(db.column("DELETE FROM inbound_events WHERE provider = 'whatsapp' AND event_id = ?"
                + " RETURNING event_id", wamid)).containsExactly(wamid);
        assertThat(ProviderTraffic.postSignedWebhook(webhook, AcceptanceProfile.APP_SECRET).statusCode())
                .isEqualTo(200);
        ProviderTraffic.eventually(Conversation.WAIT, () -> db.count("SELECT count(*) FROM webhook_inbox WHERE"
                + " processed_at IS NOT NULL AND body = convert_to(?, 'UTF8')", webhook) == 2);
        chat.dispatch();

        assertThat(chat.invoicesOf(customer)).containsExactly(invoice);
        assertThat(chat.whatsAppTo(customer)).hasSize(toCustomer);
        assertThat(chat.whatsAppTo(MERCHANT)).hasSize(toMerchant);
        assertThat(scrape().minus(before, TOO_OLD, "channel", "whatsapp")).isEqualTo(1.0);
    }

    @Test
    void givenAMessageSentWithinTheRetention_whenItsWebhookArrivesLate_thenItIsHandled() {
        Msisdn customer = Customers.fresh();
        Scrape before = scrape();

        chat.deliver(ProviderTraffic.whatsAppText(GraphApiWireMock.PHONE_ID, MERCHANT, ProviderTraffic.newWamid(),
                "invoice " + Customers.typed(customer) + " 2500 Cleaning",
                Instant.now().minus(RETENTION).plus(Duration.ofHours(1))));
        chat.dispatch();

        String invoice = chat.onlyInvoiceOf(customer);
        assertThat(chat.status(invoice)).isEqualTo("SENT");
        assertThat(scrape().minus(before, TOO_OLD, "channel", "whatsapp")).isZero();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** An id in the invoices' format that no invoice has. */
    private String unknownInvoiceId() {
        while (true) {
            StringBuilder id = new StringBuilder("INV-");
            ThreadLocalRandom.current().ints(6, 0, InvoiceId.ALPHABET.length())
                    .forEach(i -> id.append(InvoiceId.ALPHABET.charAt(i)));
            if (db.count("SELECT count(*) FROM invoices WHERE id = ?", id.toString()) == 0) {
                return id.toString();
            }
        }
    }

    private static Response createInvoice(String body) {
        return given().header("Authorization", "Bearer " + AcceptanceProfile.ADMIN_KEY)
                .contentType("application/json").body(body).post("/invoices");
    }

    private static Map<String, String> onlyViolation(Response refused) {
        assertThat(refused.statusCode()).as(refused.body().asString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        List<Map<String, String>> errors = refused.jsonPath().getList("errors");
        assertThat(errors).hasSize(1);
        return errors.getFirst();
    }
}
