package ke.invoiceiq.domain.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.PaidOutside;
import ke.invoiceiq.domain.shared.Field;
import ke.invoiceiq.domain.shared.Parsed;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    private static final String EXACTLY_120 = "Deep cleaning of a 3-bedroom house in Kilimani, including windows, "
            + "carpets, kitchen and balcony; 2 cleaners x 6 hours ok";
    private static final String EXACTLY_121 = EXACTLY_120 + "!";
    private static final String CAKES_120 = "🎂".repeat(120);

    private static CustomerRef phone(String canonical) {
        return new CustomerRef.ByPhone(new Msisdn(canonical));
    }

    private static CustomerRef name(String name) {
        return new CustomerRef.ByName(name);
    }

    private static String amountError(String raw) {
        return ((Parsed.Rejected<Amount>) Amount.parse(raw)).error().message();
    }

    private static String descriptionError(String raw) {
        return ((Parsed.Rejected<Description>) Description.parse(raw)).error().message();
    }

    @Test
    void theLongDescriptionsAreTheLengthTheirNamesSay() {
        assertThat(EXACTLY_120.codePointCount(0, EXACTLY_120.length())).isEqualTo(120);
        assertThat(EXACTLY_121.codePointCount(0, EXACTLY_121.length())).isEqualTo(121);
        assertThat(CAKES_120).hasSize(240);
    }

    // ---- invoice … → CreateInvoice -------------------------------------------------------------------------

    static Stream<Arguments> oneLineInvoices() {
        return Stream.of(
                arguments("invoice 0712345678 2500 Cleaning", phone("254712345678"), 2500, "Cleaning"),
                arguments("INVOICE 254712345678 1000 Web design services", phone("254712345678"), 1000,
                        "Web design services"),
                arguments("invoice +254 712 345 678 2500 Cleaning (Wed 3pm)", phone("254712345678"), 2500,
                        "Cleaning (Wed 3pm)"),
                arguments("invoice 0112345678 1500 Logo design first milestone", phone("254112345678"), 1500,
                        "Logo design first milestone"),
                arguments("invoice 712345678 300 Airtime top-up", phone("254712345678"), 300, "Airtime top-up"),
                arguments("invoice +254712345678 2500 Cleaning", phone("254712345678"), 2500, "Cleaning"),
                arguments("invoice 0712-345-678 2500 Cleaning", phone("254712345678"), 2500, "Cleaning"),
                arguments("invoice 0712 345 678 2,500 Plumbing", phone("254712345678"), 2500, "Plumbing"),
                arguments("invoice 07 12 34 56 78 2500 Cleaning", phone("254712345678"), 2500, "Cleaning"),
                arguments("invoice (0712) 345 678 2500 Cleaning", phone("254712345678"), 2500, "Cleaning"),
                // the trunk 0 kept after the country code, as people type it
                arguments("invoice +254 0712 345 678 2500 Cleaning", phone("254712345678"), 2500, "Cleaning"),
                arguments("invoice 2540712345678 2500 Cleaning", phone("254712345678"), 2500, "Cleaning"),
                arguments("invoice 254 0112 345 678 2500 Cleaning", phone("254112345678"), 2500, "Cleaning"),
                // the first token is the phone even though it also reads as an (over-limit) amount
                arguments("invoice 0712345678 2500 x2 boxes", phone("254712345678"), 2500, "x2 boxes"),
                arguments("invoice 254712345678 250000 Land deposit", phone("254712345678"), 250000, "Land deposit"),
                arguments("invoice 0712345678 1 Sms fee", phone("254712345678"), 1, "Sms fee"),
                arguments("invoice 0712345678 KES 2500 Cleaning", phone("254712345678"), 2500, "Cleaning"),
                arguments("invoice 0712345678 ksh2500 Cleaning", phone("254712345678"), 2500, "Cleaning"),
                arguments("invoice 0712345678 Ksh. 2,500 Cleaning", phone("254712345678"), 2500, "Cleaning"),
                arguments("invoice 0712345678 2500 KES Cleaning", phone("254712345678"), 2500, "Cleaning"),
                arguments("invoice 0712345678 2500/= Cleaning", phone("254712345678"), 2500, "Cleaning"),
                arguments("invoice 0712345678 2500.00 Cleaning", phone("254712345678"), 2500, "Cleaning"),
                arguments("invoice 0712345678 2500 2 hrs of ironing", phone("254712345678"), 2500, "2 hrs of ironing"),
                arguments("invoice Mama Njeri 1,200 Sukuma and eggs", name("Mama Njeri"), 1200, "Sukuma and eggs"),
                arguments("invoice Mama Njeri 1,200 Sukuma na mayai", name("Mama Njeri"), 1200, "Sukuma na mayai"),
                arguments("invoice John 500 Website design consultation", name("John"), 500,
                        "Website design consultation"),
                arguments("invoice Mama Njeri KES 1200 Sukuma", name("Mama Njeri"), 1200, "Sukuma"),
                arguments("invoice Wanjiku wa Kamau sh 800 Mandazi x 40", name("Wanjiku wa Kamau"), 800,
                        "Mandazi x 40"),
                arguments("  invoice   0712345678    2500   Cleaning   service  ", phone("254712345678"), 2500,
                        "Cleaning service"),
                arguments("invoice\t0712345678\t2500\tCleaning", phone("254712345678"), 2500, "Cleaning"),
                arguments("invoice\n0712345678\n2500\nCleaning\r\nand ironing", phone("254712345678"), 2500,
                        "Cleaning and ironing"),
                arguments("invoice\u00A00712345678\u00A02500 Cleaning", phone("254712345678"), 2500, "Cleaning"),
                arguments("invoice 0712345678 2500 Birthday cake 🎂 + delivery 🚚", phone("254712345678"), 2500,
                        "Birthday cake 🎂 + delivery 🚚"),
                arguments("invoice 0712345678 2500 🎂🎂🎂", phone("254712345678"), 2500, "🎂🎂🎂"),
                arguments("invoice 0712345678 2500 " + EXACTLY_120, phone("254712345678"), 2500, EXACTLY_120),
                arguments("invoice 0712345678 2500 " + CAKES_120, phone("254712345678"), 2500, CAKES_120),
                arguments("new invoice 0712345678 2500 Cleaning", phone("254712345678"), 2500, "Cleaning"),
                arguments("Invoice MAMA NJERI 1200 Sukuma", name("MAMA NJERI"), 1200, "Sukuma"),
                // Swahili: ankara is invoice
                arguments("ankara 0712345678 2500 Usafi", phone("254712345678"), 2500, "Usafi"),
                arguments("Ankara Mama Njeri 1,200 Sukuma wiki", name("Mama Njeri"), 1200, "Sukuma wiki"),
                arguments("new ankara 0712345678 2500 Usafi", phone("254712345678"), 2500, "Usafi"),
                // a trailing language tag is not part of the description
                arguments("invoice 0712345678 2500 Cleaning sw", phone("254712345678"), 2500, "Cleaning"),
                arguments("ankara 0712345678 2500 Usafi wa nyumba SW", phone("254712345678"), 2500, "Usafi wa nyumba"),
                arguments("invoice Mama Njeri 1200 Sukuma en", name("Mama Njeri"), 1200, "Sukuma"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → invoice {1}, KES {2}, \"{3}\"")
    @MethodSource("oneLineInvoices")
    void givenAOneLineInvoice_whenParsed_thenItCreatesThatInvoice(String input, CustomerRef customer,
            long shillings, String description) {
        Command command = CommandParser.parse(input);

        assertThat(command).isInstanceOf(Command.CreateInvoice.class);
        var create = (Command.CreateInvoice) command;
        assertThat(create.customer()).isEqualTo(customer);
        assertThat(create.amount().shillings()).isEqualTo(shillings);
        assertThat(create.description().value()).isEqualTo(description);
    }

    // ---- invoice … → Invalid -------------------------------------------------------------------------------

    static Stream<Arguments> badOneLineInvoices() {
        return Stream.of(
                arguments("invoice 123456 1000 Services", Field.PHONE, "Invalid phone"),
                arguments("invoice +255712345678 1000 Services", Field.PHONE, "Only Kenyan"),
                arguments("invoice +255 712 345 678 1000 Services", Field.PHONE, "Only Kenyan"),
                arguments("invoice 0812345678 1000 Services", Field.PHONE, "2547XXXXXXXX"),
                arguments("invoice 07123456789 1000 Services", Field.PHONE, "2547XXXXXXXX"),
                arguments("invoice 2500 Cleaning", Field.PHONE, "invoice 0712345678 2500 Cleaning"),
                arguments("invoice 071234567O 2500 Cleaning", Field.PHONE, "Invalid phone"),
                arguments("invoice KES 2500 Cleaning", Field.PHONE, "phone is missing"),
                arguments("invoice John 0712345678 2500 Cleaning", Field.PHONE, "phone number (or a saved name) first"),
                arguments("invoice J 500 Cleaning", Field.CUSTOMER_NAME, "2–60 characters"),
                arguments("invoice Mama \u202ENjeri 500 Cleaning", Field.CUSTOMER_NAME,
                        "Invalid customer name. It contains hidden characters"),
                arguments("invoice 0712345678 2500 Cake \u202E0052\u202C deposit", Field.DESCRIPTION,
                        "Description contains hidden characters"),
                arguments("invoice " + "Wanjiku ".repeat(8) + "500 Cleaning", Field.CUSTOMER_NAME, "2–60"),
                arguments("invoice 0712345678 0 x", Field.AMOUNT, amountError("0")),
                arguments("invoice 0712345678 0 Cleaning", Field.AMOUNT, amountError("0")),
                arguments("invoice 0712345678 -5 Cleaning", Field.AMOUNT, amountError("-5")),
                arguments("invoice 0712345678 2500.50 Cleaning", Field.AMOUNT, amountError("2500.50")),
                arguments("invoice 0712345678 300000 Cleaning", Field.AMOUNT, amountError("300000")),
                arguments("invoice 0712345678 two thousand Cleaning", Field.AMOUNT, amountError("two")),
                arguments("invoice 0712345678 Cleaning 2500", Field.AMOUNT, amountError("Cleaning")),
                arguments("invoice 0712345678 KES", Field.AMOUNT, amountError("KES")),
                arguments("invoice 0712345678", Field.AMOUNT, "Amount is missing"),
                arguments("invoice Mama Njeri Sukuma and eggs", Field.AMOUNT, "Amount is missing"),
                arguments("invoice Mama Njeri 0 eggs", Field.AMOUNT, amountError("0")),
                arguments("invoice Mama Njeri 1200.5 eggs", Field.AMOUNT, amountError("1200.5")),
                arguments("invoice 254712345678 1000", Field.DESCRIPTION, "Description is missing"),
                arguments("invoice Mama Njeri 1,200", Field.DESCRIPTION, "Description is missing"),
                arguments("invoice 0712345678 2500 KES", Field.DESCRIPTION, "Description is missing"),
                arguments("invoice 254712345678 1000 ab", Field.DESCRIPTION, descriptionError("ab")),
                arguments("invoice 254712345678 1000 🎂🎂", Field.DESCRIPTION, descriptionError("🎂🎂")),
                arguments("invoice 0712345678 2500 " + EXACTLY_121, Field.DESCRIPTION, descriptionError(EXACTLY_121)),
                arguments("invoice 0712345678 2500 bell\u0007ring", Field.DESCRIPTION, "control characters"),
                arguments("new invoice 0712345678 2500", Field.DESCRIPTION, "Description is missing"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → invalid {1}")
    @MethodSource("badOneLineInvoices")
    void givenABadOneLineInvoice_whenParsed_thenItIsRejectedNamingTheField(String input, Field field,
            String messagePart) {
        Command command = CommandParser.parse(input);

        assertThat(command).isInstanceOf(Command.Invalid.class);
        var invalid = (Command.Invalid) command;
        assertThat(invalid.verb()).isEqualTo("invoice");
        assertThat(invalid.error().field()).isEqualTo(field);
        assertThat(invalid.error().message()).contains(messagePart);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("badOneLineInvoices")
    void everyInvoiceRejection_namesTheFieldAndFitsInTwoLines(String input, Field field, String ignored) {
        var invalid = (Command.Invalid) CommandParser.parse(input);

        assertThat(invalid.error().message().toLowerCase(Locale.ROOT)).contains(field.label());
        assertThat(invalid.error().message().lines()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void givenAPhoneOrNameMistake_whenRejected_thenTheMessageShowsAWorkingExample() {
        for (String input : List.of("invoice 123456 1000 Services", "invoice KES 2500 Cleaning",
                "invoice J 500 Cleaning", "invoice 0712345678", "invoice 0712345678 2500")) {
            var invalid = (Command.Invalid) CommandParser.parse(input);
            String example = invalid.error().message().lines().toList().getLast();
            assertThat(example).as(input).isEqualTo("Example: invoice 0712345678 2500 Cleaning");
            assertThat(CommandParser.parse(example.substring("Example: ".length())))
                    .isInstanceOf(Command.CreateInvoice.class);
        }
    }

    // ---- guided flow, list, help ----------------------------------------------------------------------------

    static Stream<Arguments> simpleCommands() {
        return Stream.of(
                arguments("invoice", new Command.StartGuidedFlow()),
                arguments("INVOICE", new Command.StartGuidedFlow()),
                arguments("  invoice  ", new Command.StartGuidedFlow()),
                arguments("new invoice", new Command.StartGuidedFlow()),
                arguments("New   Invoice", new Command.StartGuidedFlow()),
                arguments("new", new Command.StartGuidedFlow()),
                arguments("list", new Command.ListInvoices()),
                arguments("LIST", new Command.ListInvoices()),
                arguments("list invoices", new Command.ListInvoices()),
                arguments("help", new Command.Help()),
                arguments("Help me", new Command.Help()),
                arguments("?", new Command.Help()),
                arguments("menu", new Command.Help()),
                arguments("\tHELP\n", new Command.Help()),
                // Swahili
                arguments("ankara", new Command.StartGuidedFlow()),
                arguments("Ankara mpya", new Command.StartGuidedFlow()),
                arguments("mpya", new Command.StartGuidedFlow()),
                arguments("orodha", new Command.ListInvoices()),
                arguments("ORODHA", new Command.ListInvoices()),
                arguments("orodha invoices", new Command.ListInvoices()),
                arguments("msaada", new Command.Help()),
                arguments("Msaada tafadhali", new Command.Help()));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @MethodSource("simpleCommands")
    void givenAWordCommand_whenParsed_thenItIsRecognised(String input, Command expected) {
        assertThat(CommandParser.parse(input)).isEqualTo(expected);
    }

    // ---- remind / cancel / status / pay ----------------------------------------------------------------------

    static Stream<Arguments> invoiceIdCommands() {
        InvoiceId id = new InvoiceId("INV-7K3Q9X");
        return Stream.of(
                arguments("remind INV-7K3Q9X", new Command.Remind(id)),
                arguments("remind inv-7k3q9x", new Command.Remind(id)),
                arguments("Remind #INV-7K3Q9X", new Command.Remind(id)),
                arguments("remind inv 7k3q9x", new Command.Remind(id)),
                arguments("cancel INV-7K3Q9X", new Command.Cancel(id)),
                arguments("CANCEL inv7k3q9x", new Command.Cancel(id)),
                arguments("cancel inv-0k3q9x", new Command.Cancel(new InvoiceId("INV-0K3Q9X"))),
                arguments("cancel INV-OK3Q9X", new Command.Cancel(new InvoiceId("INV-0K3Q9X"))),
                arguments("status INV-7K3Q9X", new Command.Status(id)),
                arguments("status inv-i1l0o0", new Command.Status(new InvoiceId("INV-111000"))),
                arguments("pay INV-7K3Q9X", new Command.Pay(id)),
                arguments("PAY inv-7k3q9x", new Command.Pay(id)),
                arguments("  pay\t#inv-7k3q9x  ", new Command.Pay(id)),
                // Swahili
                arguments("kumbusha INV-7K3Q9X", new Command.Remind(id)),
                arguments("Kumbusha inv 7k3q9x", new Command.Remind(id)),
                arguments("ghairi INV-7K3Q9X", new Command.Cancel(id)),
                arguments("hali INV-7K3Q9X", new Command.Status(id)),
                arguments("lipa INV-7K3Q9X", new Command.Pay(id)),
                arguments("LIPA #inv-7k3q9x", new Command.Pay(id)));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @MethodSource("invoiceIdCommands")
    void givenAVerbAndAnInvoiceId_whenParsed_thenTheIdIsReadForgivingly(String input, Command expected) {
        assertThat(CommandParser.parse(input)).isEqualTo(expected);
    }

    static Stream<Arguments> badInvoiceIdCommands() {
        return Stream.of(
                arguments("remind", "remind", "Invoice id is missing"),
                arguments("cancel", "cancel", "Invoice id is missing"),
                arguments("status", "status", "Invoice id is missing"),
                arguments("pay", "pay", "Invoice id is missing"),
                arguments("remind INV-12345", "remind", "INV-7K3Q9X"),
                arguments("cancel INV-67890", "cancel", "INV-7K3Q9X"),
                arguments("status INV-7K3Q9U", "status", "Invalid invoice id"),
                arguments("pay 2500", "pay", "Invalid invoice id"),
                arguments("remind INV-7K3Q9X please", "remind", "Invalid invoice id"),
                arguments("cancel John", "cancel", "Example: cancel INV-7K3Q9X"),
                // a Swahili verb is reported as the English one it stands for
                arguments("kumbusha", "remind", "Invoice id is missing"),
                arguments("ghairi Juma", "cancel", "Invalid invoice id"),
                arguments("hali INV-12345", "status", "INV-7K3Q9X"),
                arguments("lipa na M-PESA", "pay", "Invalid invoice id"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → invalid invoice id")
    @MethodSource("badInvoiceIdCommands")
    void givenAMissingOrBadInvoiceId_whenParsed_thenItIsRejectedNamingTheField(String input, String verb,
            String messagePart) {
        Command command = CommandParser.parse(input);

        assertThat(command).isInstanceOf(Command.Invalid.class);
        var invalid = (Command.Invalid) command;
        assertThat(invalid.verb()).isEqualTo(verb);
        assertThat(invalid.error().field()).isEqualTo(Field.INVOICE_ID);
        assertThat(invalid.error().message()).contains(messagePart).containsIgnoringCase("invoice id");
    }

    // ---- language: invoice … sw|en, lang <phone> sw|en -------------------------------------------------------

    static Stream<Arguments> taggedInvoices() {
        return Stream.of(
                arguments("invoice 0712345678 2500 Cleaning sw", Optional.of(Language.SW)),
                arguments("ankara 0712345678 2500 Usafi SW", Optional.of(Language.SW)),
                arguments("invoice 0712345678 2500 Cleaning en", Optional.of(Language.EN)),
                arguments("new invoice 0712345678 2500 Cleaning sw", Optional.of(Language.SW)),
                arguments("invoice Mama Njeri 1200 Sukuma sw", Optional.of(Language.SW)),
                arguments("invoice 0712345678 2500 Cleaning", Optional.empty()),
                arguments("invoice 0712345678 2500 Swahili lessons", Optional.empty()));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @MethodSource("taggedInvoices")
    void givenAOneLineInvoiceWithOrWithoutATag_whenParsed_thenItCarriesThatLanguage(String input,
            Optional<Language> language) {
        assertThat(CommandParser.parse(input)).isInstanceOfSatisfying(Command.CreateInvoice.class,
                create -> assertThat(create.language()).isEqualTo(language));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → tag then nothing to describe")
    @ValueSource(strings = {"invoice 0712345678 2500 sw", "ankara 0712345678 2500 en"})
    void givenATagWhereTheDescriptionShouldBe_whenParsed_thenTheDescriptionIsMissing(String input) {
        assertThat(CommandParser.parse(input)).isInstanceOfSatisfying(Command.Invalid.class,
                invalid -> assertThat(invalid.error().field()).isEqualTo(Field.DESCRIPTION));
    }

    static Stream<Arguments> languageCommands() {
        Msisdn customer = new Msisdn("254712345678");
        return Stream.of(
                arguments("lang 0712345678 sw", new Command.SetLanguage(customer, Language.SW)),
                arguments("lugha 0712345678 sw", new Command.SetLanguage(customer, Language.SW)),
                arguments("LANG +254 712 345 678 EN", new Command.SetLanguage(customer, Language.EN)),
                arguments("language 0712345678 english", new Command.SetLanguage(customer, Language.EN)),
                arguments("lugha 0712345678 kiswahili", new Command.SetLanguage(customer, Language.SW)),
                arguments("lugha 0712345678 Kiingereza", new Command.SetLanguage(customer, Language.EN)));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @MethodSource("languageCommands")
    void givenALanguageCommand_whenParsed_thenTheCustomerAndTheLanguageAreRead(String input, Command expected) {
        assertThat(CommandParser.parse(input)).isEqualTo(expected);
    }

    static Stream<Arguments> badLanguageCommands() {
        return Stream.of(
                arguments("lang", Field.PHONE),
                arguments("lugha sw", Field.PHONE),
                arguments("lang 0712345678 fr", Field.COMMAND),
                arguments("lang 0712345678", Field.COMMAND),
                arguments("lang 123 sw", Field.PHONE),
                arguments("lugha Mama Njeri sw", Field.PHONE));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → invalid {1}")
    @MethodSource("badLanguageCommands")
    void givenABadLanguageCommand_whenParsed_thenItIsRejectedWithAnExample(String input, Field field) {
        assertThat(CommandParser.parse(input)).isInstanceOfSatisfying(Command.Invalid.class, invalid -> {
            assertThat(invalid.verb()).isEqualTo("lang");
            assertThat(invalid.error().field()).isEqualTo(field);
            assertThat(invalid.error().message()).contains("Example: lang 0712345678 sw");
        });
    }

    @Test
    void theSynonymTableNeverUsesTheWordsOtherFeaturesOwn() {
        assertThat(VerbSynonyms.all()).doesNotContainKeys("acha", "stop", "paid", "lipwa", "nimelipa");
        assertThat(VerbSynonyms.all().values()).doesNotContain("stop", "paid");
    }

    // ---- paid <invoice id> [amount] <method> [note…] ----------------------------------------------------------

    static Stream<Arguments> paidCommands() {
        InvoiceId id = new InvoiceId("INV-7K3Q9X");
        Optional<Amount> whole = Optional.empty();
        Optional<String> noNote = Optional.empty();
        return Stream.of(
                arguments("paid INV-7K3Q9X cash", new Command.MarkPaid(id, whole, PaidOutside.Method.CASH, noNote)),
                arguments("PAID inv-7k3q9x CASH", new Command.MarkPaid(id, whole, PaidOutside.Method.CASH, noNote)),
                arguments("  paid\t#INV-7K3Q9X   Cash ", new Command.MarkPaid(id, whole, PaidOutside.Method.CASH,
                        noNote)),
                arguments("paid INV 7K3Q9X cash", new Command.MarkPaid(id, whole, PaidOutside.Method.CASH, noNote)),
                arguments("paid 7k3q9x other", new Command.MarkPaid(id, whole, PaidOutside.Method.OTHER, noNote)),
                arguments("paid INV-7K3Q9X 500 bank", new Command.MarkPaid(id, Optional.of(Amount.ofShillings(500)),
                        PaidOutside.Method.BANK_TRANSFER, noNote)),
                arguments("paid 7K3Q9X 1,500 BANK", new Command.MarkPaid(id, Optional.of(Amount.ofShillings(1_500)),
                        PaidOutside.Method.BANK_TRANSFER, noNote)),
                arguments("paid INV-7K3Q9X KES 500 cash", new Command.MarkPaid(id,
                        Optional.of(Amount.ofShillings(500)), PaidOutside.Method.CASH, noNote)),
                arguments("paid INV-7K3Q9X ksh500 cash", new Command.MarkPaid(id,
                        Optional.of(Amount.ofShillings(500)), PaidOutside.Method.CASH, noNote)),
                arguments("paid inv-7k3q9x 500 bank Equity ref 88231", new Command.MarkPaid(id,
                        Optional.of(Amount.ofShillings(500)), PaidOutside.Method.BANK_TRANSFER,
                        Optional.of("Equity ref 88231"))),
                arguments("paid INV-7K3Q9X cash at the shop", new Command.MarkPaid(id, whole,
                        PaidOutside.Method.CASH, Optional.of("at the shop"))));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @MethodSource("paidCommands")
    void givenPaidWithAnIdAndAMethod_whenParsed_thenItRecordsMoneyOutsideMpesa(String input, Command expected) {
        assertThat(CommandParser.parse(input)).isEqualTo(expected);
    }

    static Stream<Arguments> badPaidCommands() {
        return Stream.of(
                arguments("paid", Field.INVOICE_ID, "Example: paid INV-7K3Q9X cash"),
                arguments("paid cash", Field.INVOICE_ID, "Invoice ids look like INV-7K3Q9X"),
                arguments("paid INV-12345 cash", Field.INVOICE_ID, "Invoice ids look like INV-7K3Q9X"),
                arguments("paid INV-7K3Q9X", Field.COMMAND, "cash, bank or other"),
                arguments("paid INV-7K3Q9X 500", Field.COMMAND, "Example: paid INV-7K3Q9X cash"),
                arguments("paid INV-7K3Q9X 500 mpesa", Field.COMMAND, "cash, bank or other"),
                arguments("paid INV-7K3Q9X cheque", Field.COMMAND, "cash, bank or other"),
                arguments("paid INV-7K3Q9X 0 cash", Field.AMOUNT, "at least KES 1"),
                arguments("paid INV-7K3Q9X 500.50 cash", Field.AMOUNT, "whole shillings"),
                arguments("paid INV-7K3Q9X 300000 cash", Field.AMOUNT, "250,000"),
                arguments("paid INV-7K3Q9X cash ok", Field.COMMAND, "3 to 200 characters"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → invalid {1}")
    @MethodSource("badPaidCommands")
    void givenPaidWithAMissingOrBadPart_whenParsed_thenItIsRejectedNamingWhatToFix(String input, Field field,
            String messagePart) {
        Command command = CommandParser.parse(input);

        assertThat(command).isInstanceOf(Command.Invalid.class);
        var invalid = (Command.Invalid) command;
        assertThat(invalid.verb()).isEqualTo("paid");
        assertThat(invalid.error().field()).isEqualTo(field);
        assertThat(invalid.error().message()).contains(messagePart);
    }

    // ---- Unknown -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] \"{0}\" → unknown")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n", "👍", "🙏🏾🙏🏾", "hello", "asdf qwer zxcv", "invoce 0712345678 2500 x",
            "0712345678 2500 Cleaning", "new customer", "list everything please", "\u0000", "inv-7k3q9x",
            "habari yako?"})
    void givenTextThatIsNoCommand_whenParsed_thenItIsUnknownWithTheGrammarHint(String input) {
        assertThat(CommandParser.parse(input)).isEqualTo(new Command.Unknown(BotCopy.unknownCommand()));
    }

    @Test
    void theUnknownHintShowsTheGrammar() {
        var unknown = (Command.Unknown) CommandParser.parse("gibberish");

        assertThat(unknown.hint()).contains("invoice 0712345678 2500 Cleaning").contains("help");
    }

    // ---- robustness ----------------------------------------------------------------------------------------

    @Test
    void givenRandomText_whenParsed_thenItNeverThrows() {
        var random = new Random(20_260_101L);
        String alphabet = "invoice remind cancel status pay list help new KES ksh 0712345678 +254 2,500 .-/=#() "
                + "\t\n\r\u0000\u00A0🎂é\uD83D";
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            var sb = new StringBuilder(random.nextBoolean() ? "invoice " : "");
            int length = random.nextInt(60);
            for (int j = 0; j < length; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            inputs.add(sb.toString());
        }

        for (String input : inputs) {
            assertThatCode(() -> assertThat(CommandParser.parse(input)).isNotNull()).as(input)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    @DisplayName("a one-line invoice survives a round trip through its own parts")
    void givenTheDesignExample_whenParsed_thenEveryPartIsKept() {
        var create = (Command.CreateInvoice) CommandParser.parse("invoice 0712345678 2500 Cleaning (Wed 3pm)");

        assertThat(create.customer()).isEqualTo(phone("254712345678"));
        assertThat(create.amount()).isEqualTo(Amount.ofShillings(2500));
        assertThat(create.amount().cents()).isEqualTo(250_000);
        assertThat(create.description()).isEqualTo(new Description("Cleaning (Wed 3pm)"));
    }
}
