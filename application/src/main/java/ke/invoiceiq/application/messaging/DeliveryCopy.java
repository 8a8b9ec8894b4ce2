package ke.invoiceiq.application.messaging;

import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.Channel;

/** The delivery messages the product copy (docs/chat-flow.md) does not spell out, written in the voice of {@code BotCopy}. */
final class DeliveryCopy {

    private DeliveryCopy() {
    }

    static String invoiceUndeliverable(InvoiceId id, Amount amount, Msisdn to) {
        return "Invoice #" + id.value() + " (KES " + amount.formatted() + ") could not be delivered to " + to.value()
                + ".\nCheck the number, then tap Send reminder to try again.";
    }

    /** The same by SMS, where there is no button: the command does what the button does. */
    static String invoiceUndeliverableSms(InvoiceId id, Amount amount, Msisdn to) {
        return "Invoice " + id.value() + " (KES " + amount.formatted() + ") could not be delivered to " + to.value()
                + ". Check the number, then send 'remind " + id.value() + "' to try again.";
    }

    /**
     * On the other channel than the broken one. Codes only; an operator knows what they mean. While WhatsApp is
     * broken invoices fall back to SMS; while SMS is broken the customers WhatsApp cannot reach get nothing.
     */
    static String channelMisconfigured(Channel channel, String code) {
        boolean whatsApp = channel == Channel.WHATSAPP;
        return "InvoiceIQ: " + (whatsApp ? "WhatsApp" : "SMS") + " refused our account setup (code " + code + "). "
                + (whatsApp ? "Invoices go out by SMS meanwhile." : "Customers without WhatsApp get no SMS meanwhile.")
                + " Ask your operator to check the " + (whatsApp ? "WABA_*" : "SMS_*") + " settings.";
    }
}
