package ke.invoiceiq.application.messaging;

import ke.invoiceiq.application.shared.RetryingTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.messaging.EarlyDeliveryReport;
import ke.invoiceiq.domain.messaging.MessageLog;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Tracing;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Applies a provider's report to the message it names ({@link DeliveryNews}). A report that names no message yet
 * may have overtaken the recording of its send (Meta answers the send, then reports on it within a moment): it is
 * held, and the dispatcher applies it once the send is recorded. A report older than the hold names a message that
 * is not ours or is gone, and is ignored.
 */
public final class RecordDeliveryStatusService implements RecordDeliveryStatusUseCase {

    /** How long a report waits for the send it names to be recorded. */
    static final Duration HOLD_EARLY_REPORTS = Duration.ofMinutes(15);

    private final Outbox outbox;
    private final Transactions transactions;
    private final Clock clock;
    private final DomainEvents events;
    private final DeliveryNews news;

    public RecordDeliveryStatusService(Outbox outbox, InvoiceRepository invoices, MessageLog messageLog,
            Transactions transactions, Clock clock, IdGenerator ids, DomainEvents events, MerchantSettings merchant,
            Tracing tracing) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.events = events;
        OutboxWriter writer = new OutboxWriter(outbox, ids, clock, merchant, tracing);
        this.news = new DeliveryNews(outbox, writer, new InvoiceDelivery(invoices, writer),
                new MessageTrail(messageLog, ids));
    }

    @Override
    public DeliveryOutcome record(DeliveryReport report) {
        DeliveryNews.Applied applied = RetryingTransactions.onConflict(
                () -> transactions.inTransaction(() -> apply(report)));
        applied.event().ifPresent(events::publish);
        return applied.outcome();
    }

    private DeliveryNews.Applied apply(DeliveryReport report) {
        Instant now = clock.instant();
        Optional<OutboxMessage> found = outbox.findByProviderMessageId(report.channel(), report.providerMessageId());
        if (found.isPresent()) {
            return news.apply(found.get(), report.providerMessageId(), report.status(), report.errorCode(),
                    report.at(), now);
        }
        if (report.at().isBefore(now.minus(HOLD_EARLY_REPORTS))) {
            return new DeliveryNews.Applied(new DeliveryOutcome.Ignored(), Optional.empty());
        }
        outbox.holdReport(new EarlyDeliveryReport(report.channel(), report.providerMessageId(), report.status(),
                report.errorCode(), report.at(), now));
        return new DeliveryNews.Applied(new DeliveryOutcome.Held(), Optional.empty());
    }
}
