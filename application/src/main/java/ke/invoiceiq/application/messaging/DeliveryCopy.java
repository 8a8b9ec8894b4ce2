package ke.invoiceiq.application.messaging;

import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.Channel;

/** The delivery messages COPY.md does not spell out, written in the voice of {@code BotCopy}. */
final class DeliveryCopy {

    private DeliveryCopy() {
    }

    static String invoiceUndeliverable(InvoiceId id, Amount amount, Msisdn to) {
        return "Invoice #" + id.value() + " (KES " + amount.formatted() + ") could not be delivered to " + to.value()
                + ".\nCheck the number, then tap Send reminder to try again.";
    }

    /** By SMS: the WhatsApp channel itself is what is broken. Codes only; an operator knows what they mean. */
    static String channelMisconfigured(Channel channel, String code) {
        return "InvoiceIQ: " + (channel == Channel.WHATSAPP ? "WhatsApp" : "SMS") + " refused our account setup (code "
                + code + "). Invoices go out by SMS meanwhile. Ask your operator to check the "
                + (channel == Channel.WHATSAPP ? "WABA_*" : "SMS_*") + " settings.";
    }
}
