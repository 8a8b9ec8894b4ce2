package ke.invoiceiq.bootstrap.endtoend;

import static ke.invoiceiq.bootstrap.endtoend.Conversation.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import ke.invoiceiq.bootstrap.endtoend.Conversation.Received;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.api.Test;

/**
 * Swahili through the real endpoints on PostgreSQL: the merchant's signed WhatsApp webhooks in Swahili words, the
 * invoice stored in the customer's language, the customer's answers queued and sent in it with the invoice number
 * and amount, and the customer's language kept in the customer directory.
 */
@QuarkusTest
@TestProfile(AcceptanceProfile.class)
@WithTestResource(GraphApiWireMock.class)
@WithTestResource(DarajaWireMock.class)
@WithTestResource(AfricasTalkingWireMock.class)
class SwahiliChatTest extends AcceptanceBase {

    @Test
    void givenTheMerchantWritesAnkaraTaggedSw_whenTheCustomerTypesLipa_thenTheirAnswerIsInSwahiliWithNumberAndAmount() {
        Msisdn customer = Customers.fresh();

        chat.says(MERCHANT, "ankara " + Customers.typed(customer) + " 2500 Usafi sw");

        String invoice = chat.onlyInvoiceOf(customer);
        assertThat(db.column("SELECT language || ' ' || amount_cents || ' ' || description FROM invoices WHERE id = ?",
                invoice)).containsExactly("sw 250000 Usafi");
        chat.dispatch();
        assertThat(chat.status(invoice)).isEqualTo("SENT");

        chat.says(customer, "lipa " + invoice);

        assertThat(chat.pushesFor(customer)).isEqualTo(1);
        String queued = db.column("SELECT content ->> 'text' FROM outbox WHERE recipient_msisdn = ? AND purpose = 'REPLY'"
                + " ORDER BY created_at DESC LIMIT 1", customer.value()).getFirst();
        assertThat(queued).startsWith("Angalia simu yako").contains("Ankara #" + invoice).contains("KES 2,500");
        chat.dispatch();
        assertThat(chat.lastWhatsAppTo(customer).text()).isEqualTo(queued);
        assertThat(db.column("SELECT coalesce(language, '-') FROM customers WHERE msisdn = ?", customer.value()))
                .as("'lipa' taught us their Swahili").containsExactly("sw");
    }

    @Test
    void givenTheMerchantSetsACustomersLanguageInSwahiliWords_whenTheyInvoiceThem_thenTheInvoiceIsInSwahili() {
        Msisdn customer = Customers.fresh();

        Received answer = step("lugha " + Customers.typed(customer) + " sw", "Done: " + customer.value());
        assertThat(answer.text()).endsWith("in Swahili from now on.");
        assertThat(db.column("SELECT language || ' ' || language_chosen FROM customers WHERE msisdn = ?",
                customer.value())).containsExactly("sw true");

        String invoice = sentInvoice(customer, "900 Ironing");

        assertThat(db.column("SELECT language FROM invoices WHERE id = ?", invoice)).containsExactly("sw");
        chat.taps(MERCHANT, "cancel_" + invoice);
        chat.dispatch();
        assertThat(chat.whatsAppTo(customer)).anySatisfy(message -> assertThat(message.text())
                .isEqualTo("Ankara #" + invoice + " (KES 900) imeghairiwa na mfanyabiashara. Hakuna cha kulipa."));
    }

    @Test
    void givenTheMerchantUsesSwahiliVerbs_whenTheBotAnswers_thenTheCommandsRun() {
        Msisdn customer = Customers.fresh();
        String invoice = sentInvoice(customer, "1200 Sukuma");

        step("hali " + invoice, "Invoice #" + invoice + " (KES 1,200) to " + customer.value());
        step("kumbusha " + invoice, "Reminder sent to " + customer.value());
        step("orodha", invoice);
        step("msaada", "lang <phone> sw|en");
        step("ghairi " + invoice, "Invoice #" + invoice + " (KES 1,200) is cancelled.");
    }
}
