package ke.invoiceiq.application.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.messaging.Button;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.SmsText;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The invoice in both languages, with and without a Paybill, with and without SMS replies. */
class InvoiceMessagesTest {

    private static final InvoiceId ID = new InvoiceId("INV-7K3Q9X");
    private static final PayToken TOKEN = new PayToken("q7Yv2KpX9sLm4TzR8wBn3HcJ6dFg1AeQ");
    private static final String LINK = "https://pay.invoiceiq.co.ke/pay/" + TOKEN.value();
    private static final MerchantSettings MERCHANT = new MerchantSettings(Set.of(new Msisdn("254700000001")),
            "Mama Njeri Cleaning", "https://pay.invoiceiq.co.ke");

    private static Invoice invoice(Language language, Optional<CustomerName> name, String item) {
        return Invoice.issue(ID, new Customer(new Msisdn("254712345678"), name), Amount.ofShillings(2500),
                new Description(item), TOKEN, Instant.parse("2026-12-07T08:00:00Z"), Optional.empty(), language);
    }

    private static Invoice invoice(Language language) {
        return invoice(language, Optional.empty(), "Cleaning");
    }

    @Test
    void givenAnEnglishInvoiceAndNoPaybill_whenWritten_thenTheWordsAreTheProductCopy() {
        OutboundContent content = new InvoiceMessages(MERCHANT).invoice(invoice(Language.EN));

        assertThat(content.text()).isEqualTo("""
                Mama Njeri Cleaning — Invoice #INV-7K3Q9X
                Amount: KES 2,500
                For: Customer
                Item: Cleaning""");
        assertThat(content.smsText()).contains(
                "Invoice INV-7K3Q9X: KES 2,500 for Cleaning. Pay: " + LINK + " or reply PAY INV-7K3Q9X");
        assertThat(content.template().orElseThrow().bodyParameters())
                .containsExactly("Customer", "2,500", "INV-7K3Q9X", LINK);
        assertThat(content.template().orElseThrow().language()).isEqualTo(Language.EN);
    }

    @Test
    void givenASwahiliInvoice_whenWritten_thenChatSmsAndTemplateAreSwahiliWithTheNumberAndAmount() {
        OutboundContent content = new InvoiceMessages(MERCHANT).invoice(invoice(Language.SW));

        assertThat(content.text()).isEqualTo("""
                Mama Njeri Cleaning — Ankara #INV-7K3Q9X
                Kiasi: KES 2,500
                Kwa: Mteja
                Bidhaa: Cleaning""");
        assertThat(content.smsText()).contains(
                "Ankara INV-7K3Q9X: KES 2,500 ya Cleaning. Lipa: " + LINK + " au jibu PAY INV-7K3Q9X");
        assertThat(content.template().orElseThrow().bodyParameters())
                .containsExactly("Mteja", "2,500", "INV-7K3Q9X", LINK);
        assertThat(content.template().orElseThrow().language()).isEqualTo(Language.SW);
    }

    @Test
    void givenASwahiliInvoice_whenReminded_thenTheReminderIsSwahiliToo() {
        OutboundContent content = new InvoiceMessages(MERCHANT).reminder(invoice(Language.SW));

        assertThat(content.text()).startsWith("Kikumbusho: Mama Njeri Cleaning — Ankara #INV-7K3Q9X");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("languages")
    void givenAPaybill_whenWritten_thenEveryFormSaysHowToPayWithoutThePrompt(Language language, String chatLine,
            String smsTail) {
        var messages = new InvoiceMessages(MERCHANT.withPaybill(Optional.of("123456")));

        OutboundContent content = messages.invoice(invoice(language));

        assertThat(content.text()).endsWith("\n" + chatLine);
        assertThat(content.smsText().orElseThrow()).endsWith(smsTail);
        assertThat(SmsText.segments(content.smsText().orElseThrow())).isEqualTo(1);
        assertThat(messages.details(invoice(language)).text()).endsWith(chatLine);
    }

    static Stream<Arguments> languages() {
        return Stream.of(
                Arguments.of(Language.EN, "Or pay by Paybill 123456, account INV-7K3Q9X",
                        LINK + ", Paybill 123456 A/C INV-7K3Q9X or reply PAY INV-7K3Q9X"),
                Arguments.of(Language.SW, "Au lipa kwa Paybill 123456, akaunti INV-7K3Q9X",
                        LINK + ", Paybill 123456 A/C INV-7K3Q9X au jibu PAY INV-7K3Q9X"));
    }

    @Test
    void givenNoPaybill_whenWritten_thenNoMessageMentionsOne() {
        OutboundContent content = new InvoiceMessages(MERCHANT).invoice(invoice(Language.SW));

        assertThat(content.text()).doesNotContain("Paybill");
        assertThat(content.smsText().orElseThrow()).doesNotContain("Paybill");
    }

    @Test
    void givenSmsRepliesDoNotReachUs_whenTheSmsIsWritten_thenItOffersNoReplyButThePayLinkAndPaybill() {
        var noReplies = MERCHANT.withSmsReplies(false);

        String plain = new InvoiceMessages(noReplies).invoice(invoice(Language.EN)).smsText().orElseThrow();
        String withPaybill = new InvoiceMessages(noReplies.withPaybill(Optional.of("123456")))
                .invoice(invoice(Language.SW)).smsText().orElseThrow();

        assertThat(plain).isEqualTo("Invoice INV-7K3Q9X: KES 2,500 for Cleaning. Pay: " + LINK)
                .doesNotContain("reply");
        assertThat(withPaybill)
                .isEqualTo("Ankara INV-7K3Q9X: KES 2,500 ya Cleaning. Lipa: " + LINK
                        + " au Paybill 123456 A/C INV-7K3Q9X")
                .doesNotContain("jibu");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("everyWay")
    void givenALongDescription_whenTheSmsIsWritten_thenItStaysOneSmsInEitherLanguage(Language language,
            boolean replies, Optional<String> paybill) {
        String item = "Deep cleaning of the kitchens, the two bathrooms, the patio and all the windows upstairs";

        String sms = InvoiceMessages.sms(language, ID, Amount.ofShillings(250_000), item, LINK, paybill, replies);

        assertThat(SmsText.segments(sms)).as(sms).isEqualTo(1);
        assertThat(sms).contains("INV-7K3Q9X", "250,000", LINK).contains(paybill.orElse(""));
        assertThat(sms).as("the item gives way, never the ways to pay").doesNotContain("upstairs");
    }

    static Stream<Arguments> everyWay() {
        return Stream.of(Language.values()).flatMap(language -> Stream.of(
                Arguments.of(language, true, Optional.empty()),
                Arguments.of(language, false, Optional.empty()),
                Arguments.of(language, true, Optional.of("1234567")),
                Arguments.of(language, false, Optional.of("1234567"))));
    }

    @Test
    void givenAPaidSwahiliInvoice_whenTheReceiptIsWritten_thenItIsSwahiliAndTheSmsIsOneSms() {
        var receipt = Optional.of(new MpesaReceipt("TLK4ABCD12"));

        assertThat(InvoiceMessages.receipt(Language.SW, ID, Amount.ofShillings(2500), receipt)).isEqualTo("""
                Imelipwa ✔ — Ankara #INV-7K3Q9X (KES 2,500)
                Risiti: TLK4ABCD12
                Asante!""");
        assertThat(InvoiceMessages.receipt(Language.EN, ID, Amount.ofShillings(2500), Optional.empty()))
                .isEqualTo("Paid ✔ — Invoice #INV-7K3Q9X (KES 2,500)\nReceipt: confirmed by M-PESA\nThank you!");
        String sms = InvoiceMessages.receiptSms(Language.SW, ID, Amount.ofShillings(250_000),
                Optional.of(new MpesaReceipt("ABCDEFGHIJKLMNOPQRST")));
        assertThat(sms).startsWith("Imelipwa: Ankara INV-7K3Q9X KES 250,000.");
        assertThat(SmsText.segments(sms)).isEqualTo(1);
    }

    @Test
    void givenANamedCustomer_whenWrittenInSwahili_thenTheNameIsKeptAsTyped() {
        var named = invoice(Language.SW, Optional.of(new CustomerName("Wanjiru")), "Cleaning");

        OutboundContent content = new InvoiceMessages(MERCHANT).invoice(named);

        assertThat(content.text()).contains("Kwa: Wanjiru");
        assertThat(content.template().orElseThrow().bodyParameters()).first().isEqualTo("Wanjiru");
    }

    @Test
    void givenASwahiliInvoice_whenWritten_thenItsButtonsAreSwahiliWithTheChatsIds() {
        OutboundContent swahili = new InvoiceMessages(MERCHANT).invoice(invoice(Language.SW));
        OutboundContent english = new InvoiceMessages(MERCHANT).invoice(invoice(Language.EN));

        assertThat(swahili.buttons()).extracting(Button::id, Button::title).containsExactly(
                tuple("pay_INV-7K3Q9X", "Lipa kwa M-PESA"), tuple("view_INV-7K3Q9X", "Angalia maelezo"));
        assertThat(english.buttons()).containsExactly(BotCopy.payButton(ID), BotCopy.viewButton(ID));
    }

    @Test
    void givenAnInvoiceMarkedPaidOutsideMpesa_whenItsReceiptIsWritten_thenEachLanguageHasItAndTheSmsIsOne() {
        assertThat(InvoiceMessages.receiptOutsideMpesa(Language.EN, ID, Amount.ofShillings(2500)))
                .isEqualTo(BotCopy.receiptOutsideMpesa(ID, Amount.ofShillings(2500)));
        assertThat(InvoiceMessages.receiptOutsideMpesaSms(Language.EN, ID, Amount.ofShillings(2500)))
                .isEqualTo(BotCopy.receiptOutsideMpesaSms(ID, Amount.ofShillings(2500)));
        String sms = InvoiceMessages.receiptOutsideMpesaSms(Language.SW, ID, Amount.ofShillings(250_000));
        assertThat(sms).isEqualTo("Imelipwa: Ankara INV-7K3Q9X KES 250,000. Imepokelewa na mfanyabiashara. Asante!");
        assertThat(SmsText.segments(sms)).isEqualTo(1);
    }
}
