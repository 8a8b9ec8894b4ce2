package ke.invoiceiq.domain.chat;

import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.copy.ButtonPhrases;
import ke.invoiceiq.domain.copy.CommonPhrases;
import ke.invoiceiq.domain.copy.CustomerChatPhrases;
import ke.invoiceiq.domain.copy.DuePhrases;
import ke.invoiceiq.domain.copy.InvoicePhrases;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.copy.MerchantChatPhrases;
import ke.invoiceiq.domain.copy.Phrase;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.Button;
import ke.invoiceiq.domain.messaging.SmsText;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.shared.FieldError;

/**
 * The chat's words, as a thin facade over the copy package ({@link ButtonPhrases}, {@link MerchantChatPhrases},
 * {@link CustomerChatPhrases}): each method takes the reader's {@link Language}, and the method without one is the
 * English, for callers that do not know the reader's language yet. The words themselves live only in the copy
 * package, English and Swahili side by side (docs/chat-flow.md shows both). Rules: at most two lines where the spec
 * allows, the invoice # and amount whenever there is an invoice, and the payment action always called "Pay with
 * M-PESA" ("Lipa kwa M-PESA"). Button ids never change with the language, only titles.
 *
 * <p>The payment notices and SMS texts at the end of this class (receipts, failed payments, the invoice and
 * receipt by SMS) are not the chat's: they are still English only here.
 */
public final class BotCopy {
    private BotCopy() {
    }

    // ---- buttons ------------------------------------------------------------------------------------------
    public static final String PAY_BUTTON_PREFIX = "pay_";
    public static final String VIEW_BUTTON_PREFIX = "view_";
    public static final String REMIND_BUTTON_PREFIX = "remind_";
    public static final String CANCEL_INVOICE_BUTTON_PREFIX = "cancel_";

    public static final Button CANCEL = cancel(Language.EN);
    public static final Button SKIP = skip(Language.EN);
    public static final Button SEND = send(Language.EN);
    public static final Button EDIT = edit(Language.EN);
    public static final Button EDIT_AMOUNT = editAmount(Language.EN);
    public static final Button EDIT_DESCRIPTION = editDescription(Language.EN);
    public static final Button EDIT_CUSTOMER = editCustomer(Language.EN);
    public static final Button NEW_INVOICE = newInvoice(Language.EN);

    public static Button cancel(Language language) {
        return new Button("cancel", ButtonPhrases.CANCEL.text(language));
    }

    public static Button skip(Language language) {
        return new Button("skip", ButtonPhrases.SKIP.text(language));
    }

    public static Button send(Language language) {
        return new Button("send", ButtonPhrases.SEND.text(language));
    }

    public static Button edit(Language language) {
        return new Button("edit", ButtonPhrases.EDIT.text(language));
    }

    public static Button editAmount(Language language) {
        return new Button("edit_amount", ButtonPhrases.EDIT_AMOUNT.text(language));
    }

    public static Button editDescription(Language language) {
        return new Button("edit_description", ButtonPhrases.EDIT_DESCRIPTION.text(language));
    }

    public static Button editCustomer(Language language) {
        return new Button("edit_customer", ButtonPhrases.EDIT_CUSTOMER.text(language));
    }

    public static Button newInvoice(Language language) {
        return new Button("new_invoice", ButtonPhrases.NEW_INVOICE.text(language));
    }

    public static Button payButton(InvoiceId id) {
        return payButton(id, Language.EN);
    }

    public static Button payButton(InvoiceId id, Language language) {
        return new Button(PAY_BUTTON_PREFIX + id.value(), CommonPhrases.PAY_WITH_MPESA.text(language));
    }

    public static Button viewButton(InvoiceId id) {
        return viewButton(id, Language.EN);
    }

    public static Button viewButton(InvoiceId id, Language language) {
        return new Button(VIEW_BUTTON_PREFIX + id.value(), ButtonPhrases.VIEW_DETAILS.text(language));
    }

    public static Button remindButton(InvoiceId id) {
        return remindButton(id, Language.EN);
    }

    public static Button remindButton(InvoiceId id, Language language) {
        return new Button(REMIND_BUTTON_PREFIX + id.value(), ButtonPhrases.SEND_REMINDER.text(language));
    }

    public static Button cancelInvoiceButton(InvoiceId id) {
        return cancelInvoiceButton(id, Language.EN);
    }

    public static Button cancelInvoiceButton(InvoiceId id, Language language) {
        return new Button(CANCEL_INVOICE_BUTTON_PREFIX + id.value(), ButtonPhrases.CANCEL_INVOICE.text(language));
    }

    // ---- merchant: guided flow -----------------------------------------------------------------------------
    public static String askPhone() {
        return askPhone(Language.EN);
    }

    public static String askPhone(Language language) {
        return MerchantChatPhrases.ASK_PHONE.text(language);
    }

    public static String askName() {
        return askName(Language.EN);
    }

    public static String askName(Language language) {
        return MerchantChatPhrases.ASK_NAME.text(language);
    }

    public static String askAmount() {
        return askAmount(Language.EN);
    }

    public static String askAmount(Language language) {
        return MerchantChatPhrases.ASK_AMOUNT.text(language);
    }

    public static String askDescription() {
        return askDescription(Language.EN);
    }

    public static String askDescription(Language language) {
        return MerchantChatPhrases.ASK_DESCRIPTION.text(language);
    }

    public static String chooseEdit() {
        return chooseEdit(Language.EN);
    }

    public static String chooseEdit(Language language) {
        return MerchantChatPhrases.CHOOSE_EDIT.text(language);
    }

    public static String preview(String to, Optional<CustomerName> name, Amount amount, String item) {
        return preview(Language.EN, to, name, amount, item);
    }

    public static String preview(Language language, String to, Optional<CustomerName> name, Amount amount,
            String item) {
        return MerchantChatPhrases.PREVIEW.in(language).with("to", to)
                .with("name", name.map(CustomerName::value).orElse("—")).with("amount", amount.formatted())
                .with("item", item).text();
    }

    public static String draftReplaced() {
        return draftReplaced(Language.EN);
    }

    public static String draftReplaced(Language language) {
        return MerchantChatPhrases.DRAFT_REPLACED.text(language);
    }

    public static String flowCancelled() {
        return flowCancelled(Language.EN);
    }

    public static String flowCancelled(Language language) {
        return MerchantChatPhrases.FLOW_CANCELLED.text(language);
    }

    public static String flowHelp() {
        return flowHelp(Language.EN);
    }

    public static String flowHelp(Language language) {
        return MerchantChatPhrases.FLOW_HELP.text(language);
    }

    public static String stillThere() {
        return stillThere(Language.EN);
    }

    public static String stillThere(Language language) {
        return MerchantChatPhrases.STILL_THERE.text(language);
    }

    public static String sessionClosed() {
        return sessionClosed(Language.EN);
    }

    public static String sessionClosed(Language language) {
        return MerchantChatPhrases.SESSION_CLOSED.text(language);
    }

    public static String useButtons() {
        return useButtons(Language.EN);
    }

    public static String useButtons(Language language) {
        return MerchantChatPhrases.USE_BUTTONS.text(language);
    }

    /** A flow button (Send, Skip, Cancel, …) tapped after the flow ended: nothing is in progress to act on. */
    public static String noInvoiceInProgress() {
        return noInvoiceInProgress(Language.EN);
    }

    public static String noInvoiceInProgress(Language language) {
        return MerchantChatPhrases.NO_INVOICE_IN_PROGRESS.text(language);
    }

    // ---- merchant: commands --------------------------------------------------------------------------------
    public static String commandHelp() {
        return commandHelp(Language.EN);
    }

    public static String commandHelp(Language language) {
        return MerchantChatPhrases.COMMAND_HELP.text(language);
    }

    public static String unknownCommand() {
        return unknownCommand(Language.EN);
    }

    public static String unknownCommand(Language language) {
        return MerchantChatPhrases.UNKNOWN_COMMAND.text(language);
    }

    public static String invoiceSent(InvoiceId id, Amount amount, Msisdn to) {
        return invoiceSent(Language.EN, id, amount, to);
    }

    public static String invoiceSent(Language language, InvoiceId id, Amount amount, Msisdn to) {
        return MerchantChatPhrases.INVOICE_SENT.in(language).with("id", id.value())
                .with("amount", amount.formatted()).with("phone", to.value()).text();
    }

    /**
     * What the merchant reads about an input to fix: in English the parser's own message, which names the exact
     * rule; in Swahili the short form for its field, with an example after a one-line {@code invoice} or {@code lang}.
     */
    public static String invalidInput(Language language, String verb, FieldError error) {
        if (language == Language.EN) {
            return error.message();
        }
        Phrase phrase = switch (error.field()) {
            case PHONE -> MerchantChatPhrases.INVALID_PHONE;
            case CUSTOMER_NAME -> MerchantChatPhrases.INVALID_NAME;
            case AMOUNT -> MerchantChatPhrases.INVALID_AMOUNT;
            case DESCRIPTION -> MerchantChatPhrases.INVALID_DESCRIPTION;
            case INVOICE_ID -> MerchantChatPhrases.INVALID_INVOICE_ID;
            case DUE_DATE -> DuePhrases.DUE_DATE_INVALID;
            case IDEMPOTENCY_KEY, COMMAND -> verb.equals("lang")
                    ? MerchantChatPhrases.INVALID_LANGUAGE : MerchantChatPhrases.INVALID_COMMAND;
        };
        String example = switch (verb) {
            case "invoice" -> "\n" + MerchantChatPhrases.EXAMPLE_INVOICE.text(language);
            case "lang" -> "\n" + MerchantChatPhrases.EXAMPLE_LANGUAGE.text(language);
            default -> "";
        };
        return phrase.text(language) + (phrase == MerchantChatPhrases.INVALID_COMMAND ? "" : example);
    }

    public static String merchantOnly() {
        return merchantOnly(Language.EN);
    }

    public static String merchantOnly(Language language) {
        return CustomerChatPhrases.MERCHANT_ONLY.text(language);
    }

    // ---- customer ------------------------------------------------------------------------------------------
    public static String invoiceMessage(String businessName, InvoiceId id, Amount amount,
            Optional<CustomerName> name, String item) {
        return invoiceMessage(Language.EN, businessName, id, amount, name, item);
    }

    public static String invoiceMessage(Language language, String businessName, InvoiceId id, Amount amount,
            Optional<CustomerName> name, String item) {
        return InvoicePhrases.INVOICE.in(language).with("business", businessName)
                .with("id", id.value()).with("amount", amount.formatted())
                .with("name", name.map(CustomerName::value).orElse(CustomerChatPhrases.NO_NAME.text(language)))
                .with("item", item).text();
    }

    public static String checkYourPhone(InvoiceId id, Amount amount) {
        return checkYourPhone(Language.EN, id, amount);
    }

    public static String checkYourPhone(Language language, InvoiceId id, Amount amount) {
        return withIdAndAmount(CustomerChatPhrases.CHECK_YOUR_PHONE, language, id, amount);
    }

    public static String promptAlreadySent(InvoiceId id, Amount amount) {
        return promptAlreadySent(Language.EN, id, amount);
    }

    public static String promptAlreadySent(Language language, InvoiceId id, Amount amount) {
        return withIdAndAmount(CustomerChatPhrases.PROMPT_ALREADY_SENT, language, id, amount);
    }

    /** The push got no clear answer: a prompt may be on the phone, and a second tap must not charge twice. */
    public static String awaitingMpesa(Language language, InvoiceId id, Amount amount) {
        return withIdAndAmount(CustomerChatPhrases.AWAITING_MPESA, language, id, amount);
    }

    public static String alreadyPaid(InvoiceId id, Optional<MpesaReceipt> receipt) {
        return alreadyPaid(Language.EN, id, receipt);
    }

    public static String alreadyPaid(Language language, InvoiceId id, Optional<MpesaReceipt> receipt) {
        return CustomerChatPhrases.ALREADY_PAID.in(language).with("id", id.value()).with("receipt",
                receipt.map(MpesaReceipt::value).orElse(CustomerChatPhrases.RECEIPT_ON_ITS_WAY.text(language)))
                .text();
    }

    public static String notYourInvoice(InvoiceId id, Msisdn invoiced) {
        return notYourInvoice(Language.EN, id, invoiced);
    }

    public static String notYourInvoice(Language language, InvoiceId id, Msisdn invoiced) {
        return CustomerChatPhrases.NOT_YOUR_INVOICE.in(language).with("id", id.value())
                .with("masked", invoiced.masked()).text();
    }

    public static String invoiceCancelled(InvoiceId id, Amount amount) {
        return invoiceCancelled(Language.EN, id, amount);
    }

    public static String invoiceCancelled(Language language, InvoiceId id, Amount amount) {
        return withIdAndAmount(CustomerChatPhrases.INVOICE_CANCELLED, language, id, amount);
    }

    public static String tryAgainLater(InvoiceId id, Amount amount, long minutes) {
        return tryAgainLater(Language.EN, id, amount, minutes);
    }

    public static String tryAgainLater(Language language, InvoiceId id, Amount amount, long minutes) {
        return minutes == 1
                ? withIdAndAmount(CustomerChatPhrases.TRY_AGAIN_IN_ONE_MINUTE, language, id, amount)
                : CustomerChatPhrases.TRY_AGAIN_IN_MINUTES.in(language).with("minutes", minutes)
                        .with("id", id.value()).with("amount", amount.formatted()).text();
    }

    public static String mpesaUnavailable(InvoiceId id, Amount amount) {
        return mpesaUnavailable(Language.EN, id, amount);
    }

    public static String mpesaUnavailable(Language language, InvoiceId id, Amount amount) {
        return withIdAndAmount(CustomerChatPhrases.MPESA_UNAVAILABLE, language, id, amount);
    }

    /** The payer's phone already shows another M-PESA prompt. */
    public static String payerBusy(Language language, InvoiceId id, Amount amount) {
        return withIdAndAmount(CustomerChatPhrases.PAYER_BUSY, language, id, amount);
    }

    /** A repeated request key that names another invoice. */
    public static String keyReused(Language language, InvoiceId id) {
        return CustomerChatPhrases.KEY_REUSED.in(language).with("id", id.value()).text();
    }

    /** An invoice id no invoice has (or, to a guesser, one that is not theirs). */
    public static String customerNotFound(Language language, InvoiceId id) {
        return CustomerChatPhrases.NOT_FOUND.in(language).with("id", id.value()).text();
    }

    public static String customerHelp() {
        return customerHelp(Language.EN);
    }

    public static String customerHelp(Language language) {
        return CustomerChatPhrases.HELP.text(language);
    }

    /** The help by SMS, where there is no button to tap: one GSM-7 segment. */
    public static String customerHelpSms() {
        return customerHelpSms(Language.EN);
    }

    public static String customerHelpSms(Language language) {
        return CustomerChatPhrases.HELP_SMS.text(language);
    }

    public static String unsupportedMessage() {
        return unsupportedMessage(Language.EN);
    }

    public static String unsupportedMessage(Language language) {
        return CustomerChatPhrases.UNSUPPORTED.in(language).with("help", customerHelp(language)).text();
    }

    /** To anyone whose message every try failed to handle; plain GSM-7, so it also goes by SMS as it is. */
    public static String couldNotProcess() {
        return couldNotProcess(Language.EN);
    }

    public static String couldNotProcess(Language language) {
        return CustomerChatPhrases.COULD_NOT_PROCESS.text(language);
    }

    private static String withIdAndAmount(Phrase phrase, Language language, InvoiceId id, Amount amount) {
        return phrase.in(language).with("id", id.value()).with("amount", amount.formatted()).text();
    }

    // ---- payment notices and SMS texts (English only here) --------------------------------------------------
    public static String receipt(InvoiceId id, Amount amount, Optional<MpesaReceipt> receipt) {
        return "Paid ✔ — Invoice #" + id.value() + " (KES " + amount.formatted() + ")\n"
                + "Receipt: " + receipt.map(MpesaReceipt::value).orElse("confirmed by M-PESA") + "\n"
                + "Thank you!";
    }

    /** The customer's receipt for an invoice the merchant recorded as paid outside M-PESA (cash, a transfer). */
    public static String receiptOutsideMpesa(InvoiceId id, Amount amount) {
        return "Paid ✔ — Invoice #" + id.value() + " (KES " + amount.formatted() + ")\n"
                + "Payment received by the merchant. Thank you!";
    }

    public static String paymentFailedToCustomer(InvoiceId id, Amount amount, String customerSentence) {
        return "Payment for Invoice #" + id.value() + " (KES " + amount.formatted() + ") did not go through.\n"
                + customerSentence;
    }

    public static String paymentFailedToMerchant(InvoiceId id, Amount amount, String plainReason) {
        return "Payment for Invoice #" + id.value() + " (KES " + amount.formatted() + ") failed: " + plainReason
                + ".\nThe invoice is still open; the customer can tap Pay with M-PESA again.";
    }

    /**
     * The invoice by SMS (docs/chat-flow.md "SMS"): invoice #, amount, item, the pay link and {@code or reply PAY <id>},
     * e.g. {@code Invoice INV-7K3Q9X: KES 2,500 for Cleaning. Pay: https://…/pay/… or reply PAY INV-7K3Q9X}.
     *
     * <p>The item is what the merchant typed, so it is made {@link SmsText#plain plain} first (curly quotes,
     * dashes, accents, emoji), which keeps Latin text GSM-7. The message then takes the fewest segments its
     * essentials — everything but the item — take in its encoding: one GSM-7 SMS (160) unless the pay link is
     * very long. The item gets the room left: whole, else {@link SmsText#shorten cut} at a word boundary with
     * "...", else, when not even its first word fits, left out with its " for ". The invoice id, amount and pay
     * link are never cut; when the essentials alone need more than one segment, that is what is sent.
     *
     * <p>An item that keeps characters with no GSM-7 equivalent (Arabic, Chinese…) makes the message UCS-2,
     * where the essentials alone outgrow one SMS (70) — any real pay link does. The message is then allowed the
     * UCS-2 segments its essentials take, and the item is fitted into them the same way; should the item have
     * to go, the message is GSM-7 again.
     */
    public static String invoiceSms(InvoiceId id, Amount amount, String item, String payLink) {
        Objects.requireNonNull(payLink, "payLink");
        String plainItem = SmsText.plain(Objects.requireNonNull(item, "item")).strip();
        String essentials = composeInvoiceSms(id, amount, "", payLink);
        String whole = composeInvoiceSms(id, amount, plainItem, payLink);
        int fewest = SmsText.segments(essentials, SmsText.encoding(whole));
        if (SmsText.segments(whole) <= fewest) {
            return whole;
        }
        String cut = SmsText.shorten(plainItem,
                candidate -> SmsText.segments(composeInvoiceSms(id, amount, candidate, payLink)) <= fewest);
        return composeInvoiceSms(id, amount, cut, payLink);
    }

    /** No " for " when there is no item; no second full stop when the item ends a sentence (or in "..."). */
    private static String composeInvoiceSms(InvoiceId id, Amount amount, String item, String payLink) {
        String forItem = item.isEmpty() ? "" : " for " + item;
        String stop = item.endsWith(".") || item.endsWith("!") || item.endsWith("?") ? "" : ".";
        return "Invoice " + id.value() + ": KES " + amount.formatted() + forItem + stop + " Pay: " + payLink
                + " or reply PAY " + id.value();
    }

    /**
     * The receipt by SMS. Every part is bounded and GSM-7 — the id, digits and comma, and an M-PESA receipt
     * of at most 20 capital letters and digits — so it is one GSM-7 SMS of at most 85 characters.
     */
    /** {@link #receiptOutsideMpesa} by SMS: bounded and GSM-7 like {@link #receiptSms}, one SMS. */
    public static String receiptOutsideMpesaSms(InvoiceId id, Amount amount) {
        return "Paid: Invoice " + id.value() + " KES " + amount.formatted() + ". Received by the merchant. Thank you!";
    }

    public static String receiptSms(InvoiceId id, Amount amount, Optional<MpesaReceipt> receipt) {
        return "Paid: Invoice " + id.value() + " KES " + amount.formatted() + ". M-PESA receipt "
                + receipt.map(MpesaReceipt::value).orElse("confirmed") + ". Thank you!";
    }
}
