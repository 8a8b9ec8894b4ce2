package ke.invoiceiq.application.invoice;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.application.due.DueLines;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.copy.ButtonPhrases;
import ke.invoiceiq.domain.copy.CommonPhrases;
import ke.invoiceiq.domain.copy.CustomerChatPhrases;
import ke.invoiceiq.domain.copy.InvoicePhrases;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.due.DueDates;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.Button;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.SmsText;
import ke.invoiceiq.domain.messaging.TemplateParameters;
import ke.invoiceiq.domain.payment.MpesaReceipt;

/**
 * The invoice as the customer sees it, in every form a channel needs and in the invoice's language
 * ({@link Invoice#language()}): the chat text with "Pay with M-PESA" and "View details", the SMS text with the pay
 * link (which allows the SMS fallback), and the approved template's parameters for customers outside WhatsApp's
 * 24-hour window. When the merchant has a Paybill, each form says how to pay without the prompt; the SMS offers
 * "reply PAY &lt;id&gt;" only when SMS replies reach the service ({@link MerchantSettings#smsRepliesReachUs()}).
 */
public final class InvoiceMessages {

    private final MerchantSettings merchant;

    public InvoiceMessages(MerchantSettings merchant) {
        this.merchant = Objects.requireNonNull(merchant, "merchant");
    }

    /** The invoice itself, as first sent. */
    public OutboundContent invoice(Invoice invoice) {
        return OutboundContent.withButtons(text(invoice), buttons(invoice))
                .withSms(sms(invoice))
                .withTemplate(template(invoice));
    }

    /** The merchant's nudge: the invoice again, marked as a reminder, with the same ways to pay. */
    public OutboundContent reminder(Invoice invoice) {
        String reminder = InvoicePhrases.REMINDER.in(invoice.language()).with("invoice", text(invoice)).text();
        return OutboundContent.withButtons(reminder, buttons(invoice))
                .withSms(sms(invoice))
                .withTemplate(template(invoice));
    }

    /** The customer asked to see it again ("View details"): the invoice with the Pay button only. */
    public OutboundContent details(Invoice invoice) {
        return OutboundContent.withButtons(text(invoice), List.of(payButton(invoice.id(), invoice.language())));
    }

    private static List<Button> buttons(Invoice invoice) {
        Button view = BotCopy.viewButton(invoice.id());
        return List.of(payButton(invoice.id(), invoice.language()),
                new Button(view.id(), ButtonPhrases.VIEW_DETAILS.text(invoice.language())));
    }

    /** "Pay with M-PESA" in {@code language}; its id ({@code pay_<id>}) is the chat's, whatever the language. */
    public static Button payButton(InvoiceId id, Language language) {
        return new Button(BotCopy.payButton(id).id(), CommonPhrases.PAY_WITH_MPESA.text(language));
    }

    public String payLink(Invoice invoice) {
        return merchant.payLink(invoice.payToken());
    }

    /**
     * The chat text: the invoice, its due date when it has one (DuePhrases.DUE_LINE), then, with a Paybill, the line
     * on paying from the M-PESA menu.
     */
    String text(Invoice invoice) {
        Language language = invoice.language();
        String text = InvoicePhrases.INVOICE.in(language)
                .with("business", merchant.businessName())
                .with("id", invoice.id().value())
                .with("amount", invoice.amount().formatted())
                .with("name", customerName(invoice))
                .with("item", invoice.description().value())
                .text()
                + DueLines.forCustomer(invoice).map(line -> "\n" + line).orElse("");
        return paybillLine(merchant.paybill(), invoice.id(), language).map(line -> text + "\n" + line).orElse(text);
    }

    String sms(Invoice invoice) {
        return sms(invoice.language(), invoice.id(), invoice.amount(), invoice.description().value(), payLink(invoice),
                merchant.paybill(), merchant.smsRepliesReachUs(),
                invoice.dueDate().map(day -> DueDates.format(day, invoice.language())));
    }

    /**
     * "Or pay by Paybill 123456, account INV-7K3Q9X" in {@code language}, when the merchant has a Paybill. Also
     * shown on the pay page.
     */
    public static Optional<String> paybillLine(Optional<String> paybill, InvoiceId id, Language language) {
        return paybill.map(number -> InvoicePhrases.OR_PAYBILL.in(language).with("paybill", number)
                .with("id", id.value()).text());
    }

    /** The customer's name, else "Customer" in the invoice's language. */
    static String customerName(Invoice invoice) {
        return invoice.customer().name().map(CustomerName::value)
                .orElseGet(() -> InvoicePhrases.CUSTOMER.text(invoice.language()));
    }

    /**
     * The invoice by SMS: invoice #, amount, item, the pay link, then the Paybill line and {@code reply PAY <id>}
     * when they apply, e.g. {@code Invoice INV-7K3Q9X: KES 2,500 for Cleaning. Pay: https://…/pay/… or reply PAY
     * INV-7K3Q9X}. The item is fitted the way {@link BotCopy#invoiceSms} fits it: made {@link SmsText#plain plain},
     * then given the room its essentials (everything but the item) leave in the fewest segments they take, whole,
     * else cut at a word with "...", else left out. The id, amount, pay link and Paybill are never cut.
     */
    public static String sms(Language language, InvoiceId id, Amount amount, String item, String payLink,
            Optional<String> paybill, boolean repliesReachUs) {
        return sms(language, id, amount, item, payLink, paybill, repliesReachUs, Optional.empty());
    }

    /** The same, saying the day it is due ({@code dueDate}, as DueDates formats it) after the item. */
    public static String sms(Language language, InvoiceId id, Amount amount, String item, String payLink,
            Optional<String> paybill, boolean repliesReachUs, Optional<String> dueDate) {
        Objects.requireNonNull(payLink, "payLink");
        String plainItem = SmsText.plain(Objects.requireNonNull(item, "item")).strip();
        String otherWays = otherWays(language, id, paybill, repliesReachUs);
        String due = dueDate.map(day -> InvoicePhrases.SMS_DUE.in(language).with("date", day).text()).orElse("");
        String essentials = composeSms(language, id, amount, "", due, payLink, otherWays);
        String whole = composeSms(language, id, amount, plainItem, due, payLink, otherWays);
        int fewest = SmsText.segments(essentials, SmsText.encoding(whole));
        if (SmsText.segments(whole) <= fewest) {
            return whole;
        }
        String cut = SmsText.shorten(plainItem, candidate ->
                SmsText.segments(composeSms(language, id, amount, candidate, due, payLink, otherWays)) <= fewest);
        return composeSms(language, id, amount, cut, due, payLink, otherWays);
    }

    private static String otherWays(Language language, InvoiceId id, Optional<String> paybill, boolean replies) {
        if (paybill.isPresent()) {
            InvoicePhrases phrase = replies ? InvoicePhrases.SMS_PAYBILL_OR_REPLY : InvoicePhrases.SMS_OR_PAYBILL;
            return phrase.in(language).with("paybill", paybill.get()).with("id", id.value()).text();
        }
        return replies ? InvoicePhrases.SMS_OR_REPLY.in(language).with("id", id.value()).text() : "";
    }

    /** No " for " when there is no item; no second full stop when the item ends a sentence (or in "..."). */
    private static String composeSms(Language language, InvoiceId id, Amount amount, String item, String due,
            String payLink, String otherWays) {
        String forItem = item.isEmpty() ? "" : InvoicePhrases.SMS_FOR_ITEM.in(language).with("item", item).text();
        String stop = item.endsWith(".") || item.endsWith("!") || item.endsWith("?") ? "" : ".";
        return InvoicePhrases.SMS.in(language)
                .with("id", id.value())
                .with("amount", amount.formatted())
                .with("forItem", forItem + stop + due)
                .with("link", payLink)
                .with("otherWays", otherWays)
                .text();
    }

    /** The receipt, to customer and merchant: {@code Paid ✔ — Invoice #… (KES …)}. */
    public static String receipt(Language language, InvoiceId id, Amount amount, Optional<MpesaReceipt> receipt) {
        return InvoicePhrases.RECEIPT.in(language).with("id", id.value()).with("amount", amount.formatted())
                .with("receipt", receipt.map(MpesaReceipt::value)
                        .orElseGet(() -> InvoicePhrases.RECEIPT_CONFIRMED.text(language)))
                .text();
    }

    /** The receipt by SMS: bounded and GSM-7 in both languages, one SMS. */
    public static String receiptSms(Language language, InvoiceId id, Amount amount, Optional<MpesaReceipt> receipt) {
        return InvoicePhrases.RECEIPT_SMS.in(language).with("id", id.value()).with("amount", amount.formatted())
                .with("receipt", receipt.map(MpesaReceipt::value)
                        .orElseGet(() -> InvoicePhrases.RECEIPT_SMS_CONFIRMED.text(language)))
                .text();
    }

    /** The receipt of an invoice the merchant marked paid outside M-PESA, and its one-SMS form. */
    public static String receiptOutsideMpesa(Language language, InvoiceId id, Amount amount) {
        return InvoicePhrases.RECEIPT_OUTSIDE_MPESA.in(language).with("id", id.value())
                .with("amount", amount.formatted()).text();
    }

    public static String receiptOutsideMpesaSms(Language language, InvoiceId id, Amount amount) {
        return InvoicePhrases.RECEIPT_OUTSIDE_MPESA_SMS.in(language).with("id", id.value())
                .with("amount", amount.formatted()).text();
    }

    /** To the customer when the merchant cancels a sent invoice. */
    public static String cancelled(Language language, InvoiceId id, Amount amount) {
        return CustomerChatPhrases.INVOICE_CANCELLED.in(language).with("id", id.value()).with("amount", amount.formatted()).text();
    }

    private TemplateParameters template(Invoice invoice) {
        return new TemplateParameters(
                List.of(customerName(invoice), invoice.amount().formatted(), invoice.id().value(), payLink(invoice)),
                BotCopy.payButton(invoice.id()).id(), invoice.language());
    }
}
