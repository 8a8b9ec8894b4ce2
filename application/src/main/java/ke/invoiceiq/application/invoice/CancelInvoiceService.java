package ke.invoiceiq.application.invoice;

import ke.invoiceiq.application.shared.RetryingTransactions;
import java.time.Clock;
import java.util.Optional;
import ke.invoiceiq.application.invoice.CancelInvoiceOutcome.AlreadyCancelled;
import ke.invoiceiq.application.invoice.CancelInvoiceOutcome.Cancelled;
import ke.invoiceiq.application.invoice.CancelInvoiceOutcome.NotFound;
import ke.invoiceiq.application.invoice.CancelInvoiceOutcome.Refused;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceOutcome;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Cancels an invoice unless an STK push for it is in flight (the money may still arrive) or it is paid.
 * A customer who had the invoice is told, in the same unit of work.
 */
public final class CancelInvoiceService implements CancelInvoiceUseCase {

    private record Decision(CancelInvoiceOutcome outcome, Optional<InvoiceEvent> event) {
    }

    private final InvoiceRepository invoices;
    private final OutboxWriter outbox;
    private final RetryingTransactions transactions;
    private final DomainEvents events;
    private final Clock clock;

    public CancelInvoiceService(InvoiceRepository invoices, OutboxWriter outbox,
            Transactions transactions, DomainEvents events, Clock clock) {
        this.invoices = invoices;
        this.outbox = outbox;
        this.transactions = new RetryingTransactions(transactions);
        this.events = events;
        this.clock = clock;
    }

    @Override
    public CancelInvoiceOutcome cancel(CancelInvoiceCommand command) {
        Decision decision = transactions.inTransaction(() -> invoices.find(command.invoiceId())
                .map(this::cancel)
                .orElseGet(() -> new Decision(new NotFound(command.invoiceId()), Optional.empty())));
        decision.event().ifPresent(events::publish);
        return decision.outcome();
    }

    private Decision cancel(Invoice invoice) {
        return switch (invoice.cancel(clock.instant())) {
            case InvoiceOutcome.Applied applied -> {
                Invoice stored = invoices.update(applied.invoice());
                boolean tell = stored.sentAt().isPresent();
                if (tell) {
                    String text = InvoiceMessages.cancelled(stored.language(), stored.id(), stored.amount());
                    outbox.toCustomer(stored.customer().msisdn(), MessagePurpose.CANCELLATION,
                            Optional.of(stored.id()), OutboundContent.text(text).withSms(text));
                }
                yield new Decision(new Cancelled(stored, tell), Optional.of(applied.event()));
            }
            case InvoiceOutcome.Unchanged unchanged -> new Decision(new AlreadyCancelled(invoice), Optional.empty());
            case InvoiceOutcome.Refused refused ->
                    new Decision(new Refused(invoice, refused.refusal()), Optional.empty());
        };
    }
}
