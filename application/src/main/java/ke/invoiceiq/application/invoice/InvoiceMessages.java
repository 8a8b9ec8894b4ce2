package ke.invoiceiq.application.invoice;

import java.util.List;
import java.util.Objects;
import ke.invoiceiq.application.due.DueLines;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.TemplateParameters;

/**
 * The invoice as the customer sees it, in every form a channel needs: the chat text with "Pay with M-PESA"
 * and "View details", the SMS text with the pay link (which allows the SMS fallback), and the approved
 * template's parameters for customers outside WhatsApp's 24-hour window.
 */
public final class InvoiceMessages {

    private static final String REMINDER_PREFIX = "Reminder: ";

    private final MerchantSettings merchant;

    public InvoiceMessages(MerchantSettings merchant) {
        this.merchant = Objects.requireNonNull(merchant, "merchant");
    }

    /** The invoice itself, as first sent. */
    public OutboundContent invoice(Invoice invoice) {
        return OutboundContent.withButtons(text(invoice),
                        List.of(BotCopy.payButton(invoice.id()), BotCopy.viewButton(invoice.id())))
                .withSms(sms(invoice))
                .withTemplate(template(invoice));
    }

    /** The merchant's nudge: the invoice again, marked as a reminder, with the same ways to pay. */
    public OutboundContent reminder(Invoice invoice) {
        return OutboundContent.withButtons(REMINDER_PREFIX + text(invoice),
                        List.of(BotCopy.payButton(invoice.id()), BotCopy.viewButton(invoice.id())))
                .withSms(sms(invoice))
                .withTemplate(template(invoice));
    }

    /** The customer asked to see it again ("View details"): the invoice with the Pay button only. */
    public OutboundContent details(Invoice invoice) {
        return OutboundContent.withButtons(text(invoice), List.of(BotCopy.payButton(invoice.id())));
    }

    public String payLink(Invoice invoice) {
        return merchant.payLink(invoice.payToken());
    }

    private String text(Invoice invoice) {
        return BotCopy.invoiceMessage(merchant.businessName(), invoice.id(), invoice.amount(),
                invoice.customer().name(), invoice.description().value()) + dueLine(invoice);
    }

    private String sms(Invoice invoice) {
        return BotCopy.invoiceSms(invoice.id(), invoice.amount(), invoice.description().value(), payLink(invoice))
                + dueLine(invoice);
    }

    /** The due date on a line of its own, when the invoice has one (DuePhrases.DUE_LINE). */
    private static String dueLine(Invoice invoice) {
        return DueLines.forCustomer(invoice).map(line -> "\n" + line).orElse("");
    }

    private TemplateParameters template(Invoice invoice) {
        String name = invoice.customer().name().map(CustomerName::value).orElse("Customer");
        return new TemplateParameters(
                List.of(name, invoice.amount().formatted(), invoice.id().value(), payLink(invoice)),
                BotCopy.payButton(invoice.id()).id());
    }
}
