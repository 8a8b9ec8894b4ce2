package ke.invoiceiq.application.inbound;

import static ke.invoiceiq.application.inbound.Wiring.CUSTOMER;
import static ke.invoiceiq.application.inbound.Wiring.MERCHANT;
import static ke.invoiceiq.application.inbound.Wiring.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import ke.invoiceiq.application.settings.LanguageSettings;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.due.DueDates;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.Button;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Which language each person is written to in: a customer's by the invoice's tag, else the directory (the
 * merchant's choice or what the customer's own Swahili taught us), else the configured default; the merchant's by
 * configuration. Replies about an invoice are in the invoice's language and keep its number and amount.
 */
class SwahiliConversationTest {

    private static InvoiceId created(HandleInboundMessageOutcome outcome) {
        return ((HandleInboundMessageOutcome.HandledForMerchant) outcome).invoicesCreated().getFirst();
    }

    @Nested
    class TheCustomersLanguage {

        private final Wiring app = new Wiring();

        @Test
        void givenAOneLineInvoiceTaggedSw_whenTheCustomerTapsPay_thenTheInvoiceAndTheReplyAreInSwahili() {
            Invoice invoice = app.invoice(created(app.text(MERCHANT, "ankara 0712345678 2500 Usafi sw")));
            assertThat(invoice.language()).isEqualTo(Language.SW);
            assertThat(invoice.description().value()).isEqualTo("Usafi");

            app.tap(CUSTOMER, BotCopy.payButton(invoice.id()).id());

            assertThat(app.lastTextTo(CUSTOMER)).isEqualTo(BotCopy.checkYourPhone(Language.SW, invoice.id(),
                    invoice.amount())).startsWith("Angalia simu yako").contains("Ankara #" + invoice.id().value())
                    .contains("KES 2,500");
        }

        @Test
        void givenTheMerchantSetsTheCustomersLanguage_whenInvoicing_thenTheDirectoryDecidesUnlessTheCommandTags() {
            app.text(MERCHANT, "lugha 0712345678 sw");
            assertThat(app.lastTextTo(MERCHANT)).isEqualTo(
                    "Done: 254712345678 will get invoices and replies in Swahili from now on.");
            assertThat(app.ports.customers().language(CUSTOMER)).contains(Language.SW);

            Invoice fromDirectory = app.invoice(created(app.text(MERCHANT, "invoice 0712345678 2500 Cleaning")));
            Invoice tagged = app.invoice(created(app.text(MERCHANT, "invoice 0712345678 900 Ironing en")));

            assertThat(fromDirectory.language()).isEqualTo(Language.SW);
            assertThat(tagged.language()).isEqualTo(Language.EN);
            assertThat(app.ports.customers().language(CUSTOMER)).as("a tag is for one invoice").contains(Language.SW);
        }

        @Test
        void givenACustomerWhoWritesInSwahili_whenAnswered_thenInSwahiliAndTheirNextInvoiceIsInSwahili() {
            app.text(CUSTOMER, "Habari, nimepokea ankara");

            assertThat(app.lastTextTo(CUSTOMER)).isEqualTo(BotCopy.customerHelp(Language.SW));
            assertThat(app.ports.customers().language(CUSTOMER)).contains(Language.SW);
            assertThat(app.invoice(created(app.text(MERCHANT, "invoice 0712345678 2500 Cleaning"))).language())
                    .isEqualTo(Language.SW);
        }

        @Test
        void givenACustomerWhoWritesEnglishAfterSwahili_whenAnswered_thenTheLearnedSwahiliStays() {
            app.text(CUSTOMER, "Asante sana");
            app.text(CUSTOMER, "PAY INV-7K3Q9X");

            assertThat(app.lastTextTo(CUSTOMER)).startsWith("Sijaipata ankara INV-7K3Q9X");
        }

        @Test
        void givenTheMerchantChoseEnglish_whenTheCustomerWritesSwahili_thenTheChoiceIsKept() {
            app.text(MERCHANT, "lang 0712345678 en");

            app.text(CUSTOMER, "Habari, nimelipa");

            assertThat(app.ports.customers().language(CUSTOMER)).contains(Language.EN);
            assertThat(app.lastTextTo(CUSTOMER)).isEqualTo(BotCopy.customerHelp(Language.EN));
        }

        @Test
        void givenASwahiliInvoice_whenTheCustomerAsksForItsDetailsAfterItIsCancelled_thenInSwahiliWithNumberAndAmount() {
            Invoice invoice = app.invoice(created(app.text(MERCHANT, "ankara 0712345678 2500 Usafi sw")));
            app.text(MERCHANT, "cancel " + invoice.id().value());

            app.tap(CUSTOMER, BotCopy.viewButton(invoice.id()).id());

            assertThat(app.lastTextTo(CUSTOMER)).isEqualTo("Ankara #" + invoice.id().value()
                    + " (KES 2,500) imeghairiwa na mfanyabiashara. Hakuna cha kulipa.");
        }

        @Test
        void givenASwahiliInvoice_whenAnotherNumberAsksForIt_thenItIsToldInTheInvoicesLanguage() {
            Invoice invoice = app.sent(CUSTOMER, 2500, "Usafi sw");
            assertThat(invoice.language()).isEqualTo(Language.SW);

            app.tap(STRANGER, BotCopy.viewButton(invoice.id()).id());

            assertThat(app.lastTextTo(STRANGER)).startsWith("Ankara #" + invoice.id().value() + " ilitumwa kwa")
                    .doesNotContain(CUSTOMER.value());
        }

        @Test
        void givenAnEnglishCustomer_whenTheyWriteEnglish_thenNothingChanges() {
            app.text(CUSTOMER, "Hello, I got the invoice");

            assertThat(app.lastTextTo(CUSTOMER)).isEqualTo(BotCopy.customerHelp());
            assertThat(app.ports.customers().language(CUSTOMER)).isEmpty();
            assertThat(app.issued(CUSTOMER, 2500, "Cleaning").language()).isEqualTo(Language.EN);
        }
    }

    @Nested
    class TheConfiguredDefaults {

        @Test
        void givenSwahiliAsTheCustomersDefault_whenInvoicing_thenTheInvoiceIsInSwahiliAndAnsweredSo() {
            Wiring app = Wiring.withLanguages(new LanguageSettings(Language.EN, Language.SW));

            Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
            app.tap(CUSTOMER, BotCopy.payButton(invoice.id()).id());

            assertThat(invoice.language()).isEqualTo(Language.SW);
            assertThat(app.lastTextTo(CUSTOMER)).startsWith("Angalia simu yako");
            app.text(MERCHANT, "list");
            assertThat(app.lastTextTo(MERCHANT)).as("the merchant stays in English")
                    .startsWith("Your latest invoices:");
        }

        @Test
        void givenASwahiliMerchant_whenTheyUseTheCommands_thenEveryReplyIsInSwahiliWithNumberAndAmount() {
            Wiring app = Wiring.withLanguages(new LanguageSettings(Language.SW, Language.EN));

            app.text(MERCHANT, "orodha");
            assertThat(app.lastTextTo(MERCHANT)).isEqualTo("Bado hakuna ankara. Jaribu: ankara 0712345678 2500 Usafi");

            app.text(MERCHANT, "msaada");
            assertThat(app.lastTextTo(MERCHANT)).isEqualTo(BotCopy.commandHelp(Language.SW));

            Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
            assertThat(invoice.language()).as("the customer keeps the default").isEqualTo(Language.EN);

            app.text(MERCHANT, "hali " + invoice.id().value());
            assertThat(app.lastTextTo(MERCHANT)).isEqualTo("Ankara #" + invoice.id().value()
                    + " (KES 2,500) kwa 254712345678: imetumwa, bado haijalipwa.\nBidhaa: Cleaning\nMwisho wa kulipa: "
                    + DueDates.format(invoice.dueDate().orElseThrow(), Language.SW));

            app.text(MERCHANT, "kumbusha " + invoice.id().value());
            assertThat(app.lastTextTo(MERCHANT)).isEqualTo("Kikumbusho kimetumwa kwa 254712345678 kwa Ankara #"
                    + invoice.id().value() + " (KES 2,500).");

            app.text(MERCHANT, "ghairi " + invoice.id().value());
            assertThat(app.lastTextTo(MERCHANT)).startsWith("Ankara #" + invoice.id().value()
                    + " (KES 2,500) imeghairiwa.");

            app.text(MERCHANT, "hali INV-7K3Q9X");
            assertThat(app.lastTextTo(MERCHANT)).startsWith("Sijaipata ankara INV-7K3Q9X.");
        }

        @Test
        void givenASwahiliMerchant_whenTheyNameAnUnknownCustomerOrABadCommand_thenTheyAreToldInSwahili() {
            Wiring app = Wiring.withLanguages(new LanguageSettings(Language.SW, Language.EN));

            app.text(MERCHANT, "ankara Mama Njeri 1200 Sukuma");
            assertThat(app.lastTextTo(MERCHANT)).isEqualTo("Simjui mteja anayeitwa Mama Njeri.\n"
                    + "Tumia namba yake ya simu: ankara 07XXXXXXXX 2500 Usafi");

            app.knownCustomer(CUSTOMER, "Juma");
            app.knownCustomer(STRANGER, "Juma");
            app.text(MERCHANT, "ankara Juma 1200 Sukuma");
            assertThat(app.lastTextTo(MERCHANT)).startsWith("Wateja 2 wanaitwa Juma.");

            app.text(MERCHANT, "lugha 0712345678 kifaransa");
            assertThat(app.lastTextTo(MERCHANT)).isEqualTo("Lugha gani: sw au en?\nMfano: lugha 0712345678 sw (au en)");

            app.text(MERCHANT, "kumbusha INV-12345");
            assertThat(app.lastTextTo(MERCHANT)).isEqualTo("Namba ya ankara si sahihi. Mfano: INV-7K3Q9X");
        }

        @Test
        void givenASwahiliMerchant_whenTheyStartTheGuidedFlow_thenItAsksInSwahiliWithSwahiliButtons() {
            Wiring app = Wiring.withLanguages(new LanguageSettings(Language.SW, Language.EN));

            app.text(MERCHANT, "ankara");

            var ask = app.lastTo(MERCHANT);
            assertThat(ask.purpose()).isEqualTo(MessagePurpose.REPLY);
            assertThat(ask.content().text()).isEqualTo(BotCopy.askPhone(Language.SW));
            assertThat(ask.content().buttons()).extracting(Button::title).containsExactly("Ghairi");
            assertThat(ask.content().buttons()).extracting(Button::id).containsExactly("cancel");
        }

        @Test
        void givenASwahiliMerchantBySms_whenAnInvoiceIsCreated_thenTheSummaryIsInSwahili() {
            Wiring app = Wiring.withLanguages(new LanguageSettings(Language.SW, Language.EN));

            app.sms(MERCHANT, "ankara 0712345678 2500 Usafi");

            assertThat(app.lastTextTo(MERCHANT)).startsWith("Ankara #").contains("(KES 2,500) imetumwa kwa 254712345678.")
                    .contains("Tuma 'kumbusha ");
        }
    }
}
