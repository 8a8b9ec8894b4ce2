package ke.invoiceiq.application.inbound;

import java.util.Optional;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.command.Command;
import ke.invoiceiq.domain.command.CommandParser;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.shared.Parsed;

/** What a customer (anyone but the merchant's staff) can ask of us. */
public sealed interface CustomerRequest {

    /**
     * The Pay with M-PESA button (or the template's quick reply), or {@code PAY <id>} typed.
     *
     * @param tapped true for a button: it can only come from a phone our invoice message reached, so telling it the
     *               invoice went to another number reveals nothing it did not see. False for a typed id, which anyone
     *               can guess: it must not learn that the invoice exists.
     */
    record Pay(InvoiceId invoiceId, boolean tapped) implements CustomerRequest {
    }

    /** The View details button. */
    record View(InvoiceId invoiceId) implements CustomerRequest {
    }

    /** A merchant's command ({@code invoice …}, {@code remind …}): refused, nothing is created. */
    record MerchantOnly() implements CustomerRequest {
    }

    /** Anything else in words: how to pay. */
    record Help() implements CustomerRequest {
    }

    /** An image, a voice note …: we read text and taps only. */
    record Unsupported() implements CustomerRequest {
    }

    static CustomerRequest of(InboundContent content) {
        return switch (content) {
            case InboundContent.Text text -> ofText(text.text());
            case InboundContent.ButtonTap tap -> ofButton(tap.id());
            case InboundContent.Unsupported unsupported -> new Unsupported();
        };
    }

    private static CustomerRequest ofText(String text) {
        return switch (CommandParser.parse(text)) {
            case Command.Pay pay -> new Pay(pay.invoiceId(), false);
            case Command.Help help -> new Help();
            case Command.Unknown unknown -> new Help();
            case Command.Invalid invalid -> invalid.verb().equalsIgnoreCase("pay") ? new Help() : new MerchantOnly();
            case Command.CreateInvoice create -> new MerchantOnly();
            case Command.StartGuidedFlow start -> new MerchantOnly();
            case Command.Remind remind -> new MerchantOnly();
            case Command.Cancel cancel -> new MerchantOnly();
            case Command.Status status -> new MerchantOnly();
            case Command.ListInvoices list -> new MerchantOnly();
            case Command.SetLanguage set -> new MerchantOnly();
            case Command.MarkPaid paid -> new MerchantOnly();
        };
    }

    private static CustomerRequest ofButton(String id) {
        return invoiceId(id, BotCopy.PAY_BUTTON_PREFIX).<CustomerRequest>map(invoice -> new Pay(invoice, true))
                .or(() -> invoiceId(id, BotCopy.VIEW_BUTTON_PREFIX).map(View::new))
                .orElseGet(Help::new);
    }

    /** The invoice a button names, e.g. {@code pay_INV-7K3Q9X}; empty for any other button. */
    static Optional<InvoiceId> invoiceId(String buttonId, String prefix) {
        if (!buttonId.startsWith(prefix)) {
            return Optional.empty();
        }
        return switch (InvoiceId.parse(buttonId.substring(prefix.length()))) {
            case Parsed.Ok<InvoiceId> ok -> Optional.of(ok.value());
            case Parsed.Rejected<InvoiceId> rejected -> Optional.empty();
        };
    }
}
