package ke.invoiceiq.application.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceOutcome;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;

/**
 * What the fate of an invoice message does to the invoice, shared by the dispatcher (the provider's answer)
 * and the delivery reports (what happened after): a channel took it → SENT and the merchant gets the
 * confirmation; no channel could → FAILED and the merchant is told. Runs inside the caller's unit of work and
 * returns the event to publish after it.
 */
final class InvoiceDelivery {

    private final InvoiceRepository invoices;
    private final OutboxWriter outbox;

    InvoiceDelivery(InvoiceRepository invoices, OutboxWriter outbox) {
        this.invoices = invoices;
        this.outbox = outbox;
    }

    /**
     * A channel took the invoice message. An invoice already sent by another channel only records this one (the SMS
     * fallback of a WhatsApp message that Meta accepted and then reported failed): the merchant was told already.
     */
    Optional<InvoiceEvent> accepted(InvoiceId id, Channel channel, Instant now) {
        Optional<Invoice> found = invoices.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<InvoiceOutcome.Applied> applied = applied(found.get().sendAccepted(channel, now));
        if (applied.isEmpty()) {
            found.get().reachedBy(channel).ifPresent(invoices::update);
            return Optional.empty();
        }
        Invoice sent = invoices.update(applied.get().invoice());
        String confirmation = BotCopy.invoiceSent(id, sent.amount(), sent.customer().msisdn());
        outbox.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.of(id), OutboundContent.withButtons(confirmation,
                        List.of(BotCopy.remindButton(id), BotCopy.cancelInvoiceButton(id)))
                .withDigestLine(confirmation.lines().findFirst().orElseThrow()));
        return Optional.of(applied.get().event());
    }

    Optional<InvoiceEvent> failedOnEveryChannel(InvoiceId id, Instant now) {
        return invoices.find(id).flatMap(invoice -> applied(invoice.deliveryFailedOnEveryChannel(now))).map(applied -> {
            Invoice failed = invoices.update(applied.invoice());
            outbox.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.of(id), OutboundContent.withButtons(
                            DeliveryCopy.invoiceUndeliverable(outbox.merchantLanguage(), id, failed.amount(), failed.customer().msisdn()),
                            List.of(BotCopy.remindButton(id)))
                    .withSms(DeliveryCopy.invoiceUndeliverableSms(outbox.merchantLanguage(), id,
                            failed.amount(), failed.customer().msisdn())));
            return applied.event();
        });
    }

    private static Optional<InvoiceOutcome.Applied> applied(InvoiceOutcome outcome) {
        return outcome instanceof InvoiceOutcome.Applied applied ? Optional.of(applied) : Optional.empty();
    }
}
