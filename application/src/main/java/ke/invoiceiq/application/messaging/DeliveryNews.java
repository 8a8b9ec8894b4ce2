package ke.invoiceiq.application.messaging;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.DeliveryStatus;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;

/**
 * What a provider's later word on a message does, inside the caller's unit of work: shared by the delivery reports
 * as they come and by the dispatcher, which applies the reports that came before their send was recorded.
 * Statuses only move forward (the outbox enforces it), so a redelivered or out-of-order report changes nothing. A
 * failed WhatsApp message goes out again as SMS when its content allows; an invoice no channel could deliver
 * becomes FAILED; an invoice that was PENDING or FAILED and then reached the customer is SENT.
 */
final class DeliveryNews {

    record Applied(DeliveryOutcome outcome, Optional<InvoiceEvent> event) {
    }

    private final Outbox outbox;
    private final OutboxWriter writer;
    private final InvoiceDelivery delivery;
    private final MessageTrail trail;

    DeliveryNews(Outbox outbox, OutboxWriter writer, InvoiceDelivery delivery, MessageTrail trail) {
        this.outbox = outbox;
        this.writer = writer;
        this.delivery = delivery;
        this.trail = trail;
    }

    Applied apply(OutboxMessage message, String providerMessageId, DeliveryStatus status,
            Optional<String> errorCode, Instant reportedAt, Instant now) {
        if (!outbox.recordDelivery(message.id(), status, reportedAt)) {
            return new Applied(new DeliveryOutcome.Stale(), Optional.empty());
        }
        trail.out(message, "delivery_" + status.name().toLowerCase(Locale.ROOT), Optional.of(providerMessageId),
                errorCode, reportedAt);
        boolean invoice = message.purpose() == MessagePurpose.INVOICE && message.invoiceId().isPresent();
        return switch (status) {
            case FAILED -> {
                if (message.canFallBackToSms()) {
                    writer.resend(message, Channel.SMS);
                    yield new Applied(new DeliveryOutcome.FellBackToSms(), Optional.empty());
                }
                yield new Applied(new DeliveryOutcome.Recorded(status), invoice
                        ? delivery.failedOnEveryChannel(message.invoiceId().get(), now)
                        : Optional.empty());
            }
            case DELIVERED, READ -> new Applied(new DeliveryOutcome.Recorded(status), invoice
                    ? delivery.accepted(message.invoiceId().get(), message.channel(), now)
                    : Optional.empty());
            case SENT -> new Applied(new DeliveryOutcome.Recorded(status), Optional.empty());
        };
    }
}
