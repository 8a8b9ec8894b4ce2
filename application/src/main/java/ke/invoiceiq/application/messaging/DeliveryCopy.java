package ke.invoiceiq.application.messaging;

import ke.invoiceiq.domain.copy.DeliveryPhrases;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.Channel;

/**
 * The delivery messages the product copy (docs/chat-flow.md) does not spell out, in the voice of {@code BotCopy} and
 * in the merchant's language. The words are {@link DeliveryPhrases}.
 */
final class DeliveryCopy {

    private DeliveryCopy() {
    }

    static String invoiceUndeliverable(Language language, InvoiceId id, Amount amount, Msisdn to) {
        return DeliveryPhrases.UNDELIVERABLE.in(language).with("id", id.value()).with("amount", amount.formatted())
                .with("to", to.value()).text();
    }

    /** The same by SMS, where there is no button: the command does what the button does. */
    static String invoiceUndeliverableSms(Language language, InvoiceId id, Amount amount, Msisdn to) {
        return DeliveryPhrases.UNDELIVERABLE_SMS.in(language).with("id", id.value())
                .with("amount", amount.formatted()).with("to", to.value()).text();
    }

    /**
     * On the other channel than the broken one. Codes only; an operator knows what they mean. While WhatsApp is
     * broken invoices fall back to SMS; while SMS is broken the customers WhatsApp cannot reach get nothing.
     */
    static String channelMisconfigured(Language language, Channel channel, String code) {
        var phrase = channel == Channel.WHATSAPP
                ? DeliveryPhrases.WHATSAPP_MISCONFIGURED : DeliveryPhrases.SMS_MISCONFIGURED;
        return phrase.in(language).with("code", code).text();
    }
}
