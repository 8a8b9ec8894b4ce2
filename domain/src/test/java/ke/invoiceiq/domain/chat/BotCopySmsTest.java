package ke.invoiceiq.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.SmsText;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The invoice and receipt by SMS: docs/chat-flow.md "SMS", docs/sms.md. */
class BotCopySmsTest {

    private static final InvoiceId ID = new InvoiceId("INV-7K3Q9X");
    private static final Amount AMOUNT = Amount.ofShillings(2500);
    /** A production-like link: base URL and a 24-byte token in URL-safe base64 (32 characters); 64 in all. */
    private static final String LINK = "https://pay.invoiceiq.co.ke/pay/q7Yv2KpX9sLm4TzR8wBn3HcJ6dFg1AeQ";
    /** The whole SMS but the item: 124 characters with {@link #LINK}. */
    private static final String ESSENTIALS = "Invoice INV-7K3Q9X: KES 2,500. Pay: " + LINK + " or reply PAY INV-7K3Q9X";

    private static String withItem(String item) {
        return "Invoice INV-7K3Q9X: KES 2,500 for " + item + " Pay: " + LINK + " or reply PAY INV-7K3Q9X";
    }

    static Stream<Arguments> invoices() {
        return Stream.of(
                Arguments.of("short description, as typed", "Cleaning (Wed 3pm)",
                        withItem("Cleaning (Wed 3pm).")),
                Arguments.of("description that fills the SMS to 160 exactly", "Deep cleaning, kitchen & patios",
                        withItem("Deep cleaning, kitchen & patios.")),
                Arguments.of("one character more: the last word goes", "Deep cleaning, kitchen & patio 2",
                        withItem("Deep cleaning, kitchen &...")),
                Arguments.of("long description cut at a word to exactly 160",
                        "Deep cleaning of the kitchens and the two bathrooms",
                        withItem("Deep cleaning of the kitchens...")),
                Arguments.of("long description cut at a word",
                        "Deep cleaning of the three-bedroom house in Kilimani, including windows, carpets and the "
                                + "balcony",
                        withItem("Deep cleaning of the...")),
                Arguments.of("one enormous word is left out",
                        "Supercalifragilisticexpialidociouscleaningservice", ESSENTIALS),
                Arguments.of("emoji and curly quotes made plain",
                        "Mama\u2019s \u201Cspecial\u201D cake \uD83C\uDF82", withItem("Mama's \"special\" cake.")),
                Arguments.of("accents folded", "Cr\u00E8me br\u00FBl\u00E9e \u00E0 la fa\u00E7on",
                        withItem("Cr\u00E8me brul\u00E9e \u00E0 la facon.")),
                Arguments.of("a description ending a sentence gets no second full stop", "Cleaning done!",
                        withItem("Cleaning done!")),
                Arguments.of("an emoji-only description is left out", "\uD83C\uDF82\uD83C\uDF89\uD83C\uDF88",
                        ESSENTIALS),
                Arguments.of("Arabic, which a real link leaves no UCS-2 room for, is left out",
                        "\u062A\u0646\u0638\u064A\u0641 \u0627\u0644\u0645\u0646\u0632\u0644", ESSENTIALS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invoices")
    void givenADescription_whenTheInvoiceSmsIsWritten_thenItIsTheExpectedSingleSms(String name, String item,
            String expected) {
        String sms = BotCopy.invoiceSms(ID, AMOUNT, item, LINK);

        assertThat(sms).isEqualTo(expected);
        assertThat(SmsText.isGsm7(sms)).isTrue();
        assertThat(SmsText.units(sms)).isLessThanOrEqualTo(SmsText.GSM7_SINGLE_LIMIT);
        assertThat(SmsText.segments(sms)).isEqualTo(1);
        assertThat(sms).contains(LINK).endsWith(" or reply PAY " + ID.value());
    }

    @Test
    void givenTheBoundaryCases_whenWritten_thenTheyAre160Septets() {
        assertThat(BotCopy.invoiceSms(ID, AMOUNT, "Deep cleaning, kitchen & patios", LINK)).hasSize(160);
        assertThat(BotCopy.invoiceSms(ID, AMOUNT, "Deep cleaning of the kitchens and the two bathrooms", LINK))
                .hasSize(160);
        assertThat(ESSENTIALS).hasSize(124);
    }

    @Test
    void givenArabicAndAShortLink_whenWritten_thenItGoesAsUcs2InTheSegmentsItsEssentialsTake() {
        String link = "https://pay.example/pay/AbCdEfGhIjKlMnOpQrStUv";
        String item = "\u062A\u0646\u0638\u064A\u0641 \u0627\u0644\u0645\u0646\u0632\u0644 \u0648\u0627\u0644\u0645"
                + "\u0637\u0628\u062E \u0648\u0627\u0644\u062D\u0645\u0627\u0645";

        String sms = BotCopy.invoiceSms(ID, AMOUNT, item, link);

        // The essentials are 106 units: two UCS-2 segments (134); the item gets the 23 units left after " for ".
        assertThat(sms).isEqualTo("Invoice INV-7K3Q9X: KES 2,500 for \u062A\u0646\u0638\u064A\u0641 "
                + "\u0627\u0644\u0645\u0646\u0632\u0644 \u0648\u0627\u0644\u0645\u0637\u0628\u062E... Pay: " + link
                + " or reply PAY INV-7K3Q9X");
        assertThat(SmsText.encoding(sms)).isEqualTo(SmsText.Encoding.UCS_2);
        assertThat(SmsText.units(sms)).isEqualTo(133);
        assertThat(SmsText.segments(sms)).isEqualTo(2);
    }

    @Test
    void givenArabicThatFitsTheRoom_whenWritten_thenItIsKeptWhole() {
        String link = "https://pay.example/pay/AbCdEfGhIjKlMnOpQrStUv";
        String item = "\u062A\u0646\u0638\u064A\u0641 \u0627\u0644\u0645\u0646\u0632\u0644";

        String sms = BotCopy.invoiceSms(ID, AMOUNT, item, link);

        assertThat(sms).isEqualTo("Invoice INV-7K3Q9X: KES 2,500 for " + item + ". Pay: " + link
                + " or reply PAY INV-7K3Q9X");
        assertThat(SmsText.segments(sms)).isEqualTo(2);
    }

    @Test
    void givenAVeryLongPayLink_whenWritten_thenItIsSentWholeInTheSegmentsItNeeds() {
        String link = "https://pay.example/" + "segment/".repeat(20) + "q7Yv2KpX9sLm4TzR8wBn3HcJ6dFg1AeQ";

        String sms = BotCopy.invoiceSms(ID, AMOUNT, "Cleaning (Wed 3pm)", link);

        assertThat(sms).isEqualTo("Invoice INV-7K3Q9X: KES 2,500 for Cleaning (Wed 3pm). Pay: " + link
                + " or reply PAY INV-7K3Q9X");
        assertThat(SmsText.isGsm7(sms)).isTrue();
        assertThat(SmsText.segments(sms)).isEqualTo(2);
    }

    @Test
    void givenAVeryLongPayLinkAndALongDescription_whenWritten_thenOnlyTheDescriptionIsCutToTheLinksSegments() {
        String link = "https://pay.example/" + "segment/".repeat(17) + "q7Yv2KpX9sLm4TzR8wBn3HcJ6dFg1AeQ";
        String item = "Deep cleaning of the three-bedroom house in Kilimani, including windows, carpets and the "
                + "balcony";
        String essentials = "Invoice INV-7K3Q9X: KES 2,500. Pay: " + link + " or reply PAY INV-7K3Q9X";

        String sms = BotCopy.invoiceSms(ID, AMOUNT, item, link);

        assertThat(SmsText.segments(essentials)).isEqualTo(2);
        assertThat(SmsText.segments("Invoice INV-7K3Q9X: KES 2,500 for " + item + ". Pay: " + link
                + " or reply PAY INV-7K3Q9X")).isEqualTo(3);
        assertThat(SmsText.segments(sms)).isEqualTo(2);
        assertThat(sms).isEqualTo("Invoice INV-7K3Q9X: KES 2,500 for Deep cleaning of the three-bedroom house in..."
                + " Pay: " + link + " or reply PAY INV-7K3Q9X");
        assertItemIsWholeOrCutAtAWord(sms, ID, AMOUNT, item, link);
    }

    @Test
    void givenAllKindsOfDescriptions_whenWritten_thenTheSmsKeepsItsPromises() {
        String[] words = {"cleaning", "Deep", "house", "Kilimani", "3pm", "(Wed)", "windows,", "na", "nyumba",
                "Fa\u00E7ade", "cr\u00E8me", "\u00F4", "S\u00E3o", "\u2019n\u2019", "\u201Cbest\u201D", "\u2014",
                "9\u20135", "\uD83C\uDF82", "\u2714", "\uD83D\uDC4D\uD83C\uDFFD", "\u20AC5", "{promo}", "x",
                "Supercalifragilisticexpialidocious", "\u2026", "done.", "ok!", "caf\u00E9\u00A0au\u00A0lait"};
        String alphabet = InvoiceId.ALPHABET;
        Random random = new Random(20260302L);
        for (int run = 0; run < 5_000; run++) {
            StringBuilder raw = new StringBuilder();
            int count = 1 + random.nextInt(25);
            for (int i = 0; i < count; i++) {
                raw.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
            }
            if (!Description.parse(raw.toString()).isOk()) {
                continue; // too short or too long to be an invoice's description
            }
            String item = new Description(raw.toString()).value();
            StringBuilder id = new StringBuilder("INV-");
            for (int i = 0; i < 6; i++) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            InvoiceId invoiceId = new InvoiceId(id.toString());
            Amount amount = Amount.ofShillings(1 + random.nextInt(250_000));
            String link = "https://pay.invoiceiq.co.ke/pay/" + "Ab3_-".repeat(13).substring(0, 22 + random.nextInt(43));

            String sms = BotCopy.invoiceSms(invoiceId, amount, item, link);

            assertThat(SmsText.isGsm7(sms)).as(sms).isTrue();
            assertThat(SmsText.units(sms)).as(sms).isLessThanOrEqualTo(160);
            assertThat(sms).startsWith("Invoice " + invoiceId.value() + ": KES " + amount.formatted())
                    .endsWith(" Pay: " + link + " or reply PAY " + invoiceId.value());
            assertItemIsWholeOrCutAtAWord(sms, invoiceId, amount, item, link);
        }
    }

    /** What stands between the amount and the pay link is the plain item, whole or cut at a word, or nothing. */
    private static void assertItemIsWholeOrCutAtAWord(String sms, InvoiceId id, Amount amount, String item,
            String link) {
        String head = "Invoice " + id.value() + ": KES " + amount.formatted();
        String tail = " Pay: " + link + " or reply PAY " + id.value();
        assertThat(sms).startsWith(head).endsWith(tail);
        String middle = sms.substring(head.length(), sms.length() - tail.length());
        if (middle.equals(".")) {
            return; // left out
        }
        assertThat(middle).startsWith(" for ");
        String body = middle.substring(" for ".length());
        String plain = SmsText.plain(item).strip();
        boolean endsSentence = plain.endsWith(".") || plain.endsWith("!") || plain.endsWith("?");
        if (body.equals(endsSentence ? plain : plain + ".")) {
            return; // whole
        }
        assertThat(body).as("cut item in %s", sms).endsWith(SmsText.ELLIPSIS);
        String kept = body.substring(0, body.length() - SmsText.ELLIPSIS.length());
        assertThat(plain).startsWith(kept);
        String[] plainWords = plain.split(" ");
        String[] keptWords = kept.split(" ");
        for (int i = 0; i < keptWords.length - 1; i++) {
            assertThat(keptWords[i]).isEqualTo(plainWords[i]);
        }
        String last = keptWords[keptWords.length - 1];
        String whole = plainWords[keptWords.length - 1];
        assertThat(whole).as("no word split in %s", sms).startsWith(last);
        assertThat(whole.substring(last.length())).as("no word split in %s", sms).matches("[,;:.\\-]*");
        assertThat(last).isNotEmpty();
    }

    // ---- receipt -------------------------------------------------------------------------------------------

    @Test
    void givenAReceipt_whenTheReceiptSmsIsWritten_thenItIsTheCopy() {
        assertThat(BotCopy.receiptSms(ID, AMOUNT, Optional.of(new MpesaReceipt("NLJ7RT61SV"))))
                .isEqualTo("Paid: Invoice INV-7K3Q9X KES 2,500. M-PESA receipt NLJ7RT61SV. Thank you!");
        assertThat(BotCopy.receiptSms(ID, AMOUNT, Optional.empty()))
                .isEqualTo("Paid: Invoice INV-7K3Q9X KES 2,500. M-PESA receipt confirmed. Thank you!");
    }

    static Stream<Arguments> receipts() {
        return Stream.of(
                Arguments.of(Amount.ofShillings(1), Optional.empty()),
                Arguments.of(Amount.ofShillings(Amount.MAX), Optional.of(new MpesaReceipt("NLJ7RT"))),
                Arguments.of(Amount.ofShillings(Amount.MAX), Optional.of(new MpesaReceipt("ABCDEFGHIJ0123456789"))));
    }

    @ParameterizedTest
    @MethodSource("receipts")
    void givenTheLongestReceipt_whenWritten_thenItIsOnePlainGsm7Sms(Amount amount, Optional<MpesaReceipt> receipt) {
        String sms = BotCopy.receiptSms(new InvoiceId("INV-ZZZZZZ"), amount, receipt);

        assertThat(SmsText.isGsm7(sms)).isTrue();
        assertThat(SmsText.plain(sms)).isEqualTo(sms);
        assertThat(SmsText.units(sms)).isLessThanOrEqualTo(85).isLessThanOrEqualTo(SmsText.GSM7_SINGLE_LIMIT);
        assertThat(SmsText.segments(sms)).isEqualTo(1);
    }

    @Test
    void givenAnInvoicePaidOutsideMpesa_whenItsReceiptSmsIsWritten_thenItIsOnePlainGsm7SmsWithoutAnMpesaReceipt() {
        assertThat(BotCopy.receiptOutsideMpesaSms(ID, AMOUNT))
                .isEqualTo("Paid: Invoice INV-7K3Q9X KES 2,500. Received by the merchant. Thank you!");
        String longest = BotCopy.receiptOutsideMpesaSms(new InvoiceId("INV-ZZZZZZ"), Amount.ofShillings(Amount.MAX));

        assertThat(SmsText.isGsm7(longest)).isTrue();
        assertThat(SmsText.plain(longest)).isEqualTo(longest);
        assertThat(SmsText.segments(longest)).isEqualTo(1);
    }
}
