package ke.invoiceiq.application.messaging;

import ke.invoiceiq.application.shared.RetryingTransactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.MessageLog;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Tracing;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Statuses only move forward (the outbox enforces it), so a redelivered or out-of-order report changes
 * nothing. A failed WhatsApp message goes out again as SMS when its content allows; an invoice no channel
 * could deliver becomes FAILED; an invoice that was PENDING or FAILED and then reached the customer is SENT.
 */
public final class RecordDeliveryStatusService implements RecordDeliveryStatusUseCase {

    private final Outbox outbox;
    private final Transactions transactions;
    private final Clock clock;
    private final DomainEvents events;
    private final OutboxWriter writer;
    private final InvoiceDelivery delivery;
    private final MessageTrail trail;

    public RecordDeliveryStatusService(Outbox outbox, InvoiceRepository invoices, MessageLog messageLog,
            Transactions transactions, Clock clock, IdGenerator ids, DomainEvents events, MerchantSettings merchant,
            Tracing tracing) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.events = events;
        this.writer = new OutboxWriter(outbox, ids, clock, merchant, tracing);
        this.delivery = new InvoiceDelivery(invoices, writer);
        this.trail = new MessageTrail(messageLog, ids);
    }

    private record Recorded(DeliveryOutcome outcome, Optional<InvoiceEvent> event) {
    }

    @Override
    public DeliveryOutcome record(DeliveryReport report) {
        Recorded recorded = RetryingTransactions.onConflict(() -> transactions.inTransaction(() -> apply(report)));
        recorded.event().ifPresent(events::publish);
        return recorded.outcome();
    }

    private Recorded apply(DeliveryReport report) {
        Optional<OutboxMessage> found = outbox.findByProviderMessageId(report.channel(), report.providerMessageId());
        if (found.isEmpty()) {
            return new Recorded(new DeliveryOutcome.Ignored(), Optional.empty());
        }
        OutboxMessage message = found.get();
        if (!outbox.recordDelivery(message.id(), report.status(), report.at())) {
            return new Recorded(new DeliveryOutcome.Stale(), Optional.empty());
        }
        Instant now = clock.instant();
        trail.out(message, "delivery_" + report.status().name().toLowerCase(Locale.ROOT),
                Optional.of(report.providerMessageId()), report.errorCode(), report.at());
        boolean invoice = message.purpose() == MessagePurpose.INVOICE && message.invoiceId().isPresent();
        return switch (report.status()) {
            case FAILED -> {
                if (message.canFallBackToSms()) {
                    writer.send(message.recipient(), Channel.SMS, message.purpose(), message.invoiceId(),
                            message.content());
                    yield new Recorded(new DeliveryOutcome.FellBackToSms(), Optional.empty());
                }
                yield new Recorded(new DeliveryOutcome.Recorded(report.status()), invoice
                        ? delivery.failedOnEveryChannel(message.invoiceId().get(), now)
                        : Optional.empty());
            }
            case DELIVERED, READ -> new Recorded(new DeliveryOutcome.Recorded(report.status()), invoice
                    ? delivery.accepted(message.invoiceId().get(), message.channel(), now)
                    : Optional.empty());
            case SENT -> new Recorded(new DeliveryOutcome.Recorded(report.status()), Optional.empty());
        };
    }
}
