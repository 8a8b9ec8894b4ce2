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

    Optional<InvoiceEvent> accepted(InvoiceId id, Channel channel, Instant now) {
        return invoices.find(id).flatMap(invoice -> applied(invoice.sendAccepted(channel, now))).map(applied -> {
            Invoice sent = invoices.update(applied.invoice());
            outbox.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.of(id), OutboundContent.withButtons(
                    BotCopy.invoiceSent(id, sent.amount(), sent.customer().msisdn()),
                    List.of(BotCopy.remindButton(id), BotCopy.cancelInvoiceButton(id))));
            return applied.event();
        });
    }

    Optional<InvoiceEvent> failedOnEveryChannel(InvoiceId id, Instant now) {
        return invoices.find(id).flatMap(invoice -> applied(invoice.deliveryFailedOnEveryChannel(now))).map(applied -> {
            Invoice failed = invoices.update(applied.invoice());
            outbox.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.of(id), OutboundContent.withButtons(
                    DeliveryCopy.invoiceUndeliverable(id, failed.amount(), failed.customer().msisdn()),
                    List.of(BotCopy.remindButton(id))));
            return applied.event();
        });
    }

    private static Optional<InvoiceOutcome.Applied> applied(InvoiceOutcome outcome) {
        return outcome instanceof InvoiceOutcome.Applied applied ? Optional.of(applied) : Optional.empty();
    }
}
