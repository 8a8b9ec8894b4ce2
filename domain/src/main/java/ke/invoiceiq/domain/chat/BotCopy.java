package ke.invoiceiq.domain.chat;

import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.Button;
import ke.invoiceiq.domain.messaging.SmsText;
import ke.invoiceiq.domain.payment.MpesaReceipt;

/**
 * Every word the bot says, from the product specification (shared docs/chat-flow.md). Kept in one place so the
 * voice stays the same and the rules hold: at most two lines where the spec allows, the invoice # and amount
 * whenever there is an invoice, and the payment action always called "Pay with M-PESA".
 */
public final class BotCopy {
    private BotCopy() {
    }

    // ---- buttons ------------------------------------------------------------------------------------------
    public static final String PAY_BUTTON_PREFIX = "pay_";
    public static final String VIEW_BUTTON_PREFIX = "view_";
    public static final String REMIND_BUTTON_PREFIX = "remind_";
    public static final String CANCEL_INVOICE_BUTTON_PREFIX = "cancel_";

    public static final Button CANCEL = new Button("cancel", "Cancel");
    public static final Button SKIP = new Button("skip", "Skip");
    public static final Button SEND = new Button("send", "Send");
    public static final Button EDIT = new Button("edit", "Edit");
    public static final Button EDIT_AMOUNT = new Button("edit_amount", "Amount");
    public static final Button EDIT_DESCRIPTION = new Button("edit_description", "Description");
    public static final Button EDIT_CUSTOMER = new Button("edit_customer", "Customer");
    public static final Button NEW_INVOICE = new Button("new_invoice", "New Invoice");

    public static Button payButton(InvoiceId id) {
        return new Button(PAY_BUTTON_PREFIX + id.value(), "Pay with M-PESA");
    }

    public static Button viewButton(InvoiceId id) {
        return new Button(VIEW_BUTTON_PREFIX + id.value(), "View details");
    }

    public static Button remindButton(InvoiceId id) {
        return new Button(REMIND_BUTTON_PREFIX + id.value(), "Send reminder");
    }

    public static Button cancelInvoiceButton(InvoiceId id) {
        return new Button(CANCEL_INVOICE_BUTTON_PREFIX + id.value(), "Cancel");
    }

    // ---- merchant: guided flow -----------------------------------------------------------------------------
    public static String askPhone() {
        return "What is the customer's phone number? Use format 2547XXXXXXXX.";
    }

    public static String askName() {
        return "Customer name? (Optional) Reply with the name or send '-' to skip.";
    }

    public static String askAmount() {
        return "Amount in KES? (Whole number, e.g., 2500)";
    }

    public static String askDescription() {
        return "Short description of the invoice (3–120 chars).";
    }

    public static String chooseEdit() {
        return "What would you like to change?";
    }

    public static String preview(String to, Optional<CustomerName> name, Amount amount, String item) {
        return "Review invoice:\n"
                + "• To: " + to + " (" + name.map(CustomerName::value).orElse("—") + ")\n"
                + "• Amount: KES " + amount.formatted() + "\n"
                + "• Item: " + item + "\n\n"
                + "Send to customer now?";
    }

    public static String draftReplaced() {
        return "Your draft was replaced by the invoice you just typed. Check it, then tap Send.";
    }

    public static String flowCancelled() {
        return "Okay, cancelled. No invoice was created.";
    }

    public static String flowHelp() {
        return "You can create an invoice step-by-step. At any time, send 'cancel' to stop.";
    }

    public static String stillThere() {
        return "Still there? Reply to continue or send 'cancel' to stop.";
    }

    public static String sessionClosed() {
        return "Session closed. Send 'new invoice' to start again.";
    }

    public static String useButtons() {
        return "Please tap one of the buttons, or send 'cancel' to stop.";
    }

    /** A flow button (Send, Skip, Cancel, …) tapped after the flow ended: nothing is in progress to act on. */
    public static String noInvoiceInProgress() {
        return "There's no invoice in progress. Send 'new invoice' to start one.";
    }

    // ---- merchant: commands --------------------------------------------------------------------------------
    public static String commandHelp() {
        return "Commands: invoice <phone or name> <amount> <description> · invoice (step by step)\n"
                + "remind <id> · cancel <id> · status <id> · list · help";
    }

    public static String unknownCommand() {
        return "Sorry, I didn't get that. Try: invoice 0712345678 2500 Cleaning\nor send 'help' for all commands.";
    }

    public static String invoiceSent(InvoiceId id, Amount amount, Msisdn to) {
        return "Invoice #" + id.value() + " (KES " + amount.formatted() + ") sent to " + to.value() + ".\n"
                + "Use 'remind " + id.value() + "' to nudge or 'cancel " + id.value() + "' to cancel.";
    }

    public static String merchantOnly() {
        return "Only the merchant's registered numbers can create invoices.";
    }

    // ---- customer ------------------------------------------------------------------------------------------
    public static String invoiceMessage(String businessName, InvoiceId id, Amount amount,
            Optional<CustomerName> name, String item) {
        return businessName + " — Invoice #" + id.value() + "\n"
                + "Amount: KES " + amount.formatted() + "\n"
                + "For: " + name.map(CustomerName::value).orElse("Customer") + "\n"
                + "Item: " + item;
    }

    public static String checkYourPhone(InvoiceId id, Amount amount) {
        return "Check your phone for the M-PESA payment prompt! (Invoice #" + id.value() + ", KES "
                + amount.formatted() + ")\nYou'll receive a receipt once payment is complete.";
    }

    public static String promptAlreadySent(InvoiceId id, Amount amount) {
        return "Payment request already sent! Check your phone for the M-PESA prompt. (Invoice #" + id.value()
                + ", KES " + amount.formatted() + ")";
    }

    public static String alreadyPaid(InvoiceId id, Optional<MpesaReceipt> receipt) {
        return "Invoice " + id.value() + " has already been paid. Receipt: "
                + receipt.map(MpesaReceipt::value).orElse("on its way from M-PESA");
    }

    public static String notYourInvoice(InvoiceId id, Msisdn invoiced) {
        return "Invoice #" + id.value() + " was sent to another number (" + invoiced.masked() + ").\n"
                + "Please tap Pay with M-PESA from the phone that received it.";
    }

    public static String invoiceCancelled(InvoiceId id, Amount amount) {
        return "Invoice #" + id.value() + " (KES " + amount.formatted() + ") was cancelled by the merchant. "
                + "Nothing to pay.";
    }

    public static String tryAgainLater(InvoiceId id, Amount amount, long minutes) {
        return "Please wait about " + minutes + " minute" + (minutes == 1 ? "" : "s")
                + ", then tap Pay with M-PESA again. (Invoice #" + id.value() + ", KES " + amount.formatted() + ")";
    }

    public static String mpesaUnavailable(InvoiceId id, Amount amount) {
        return "M-PESA is not answering right now. Please tap Pay with M-PESA again in a few minutes. (Invoice #"
                + id.value() + ", KES " + amount.formatted() + ")";
    }

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

    public static String customerHelp() {
        return "To pay an invoice, tap Pay with M-PESA on it, or reply PAY followed by the invoice #"
                + " (e.g., PAY INV-7K3Q9X).";
    }

    /** The help by SMS, where there is no button to tap: one GSM-7 segment. */
    public static String customerHelpSms() {
        return "To pay an invoice, open the pay link in its SMS, or reply PAY and the invoice #, e.g. PAY INV-7K3Q9X";
    }

    public static String unsupportedMessage() {
        return "Sorry, I can only read text and button taps. " + customerHelp();
    }

    /** To anyone whose message every try failed to handle; plain GSM-7, so it also goes by SMS as it is. */
    public static String couldNotProcess() {
        return "Sorry, we could not process your message. Please try again.";
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
