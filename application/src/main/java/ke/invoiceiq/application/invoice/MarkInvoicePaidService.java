package ke.invoiceiq.application.invoice;

import java.time.Clock;
import java.util.Optional;
import ke.invoiceiq.application.invoice.MarkInvoicePaidOutcome.Marked;
import ke.invoiceiq.application.invoice.MarkInvoicePaidOutcome.NotFound;
import ke.invoiceiq.application.invoice.MarkInvoicePaidOutcome.Refused;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.shared.RetryingTransactions;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceOutcome;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.PaidOutside;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Records money received for an invoice outside M-PESA ({@link Invoice#markPaidOutside}): the whole balance, or a
 * part. A customer who had the invoice gets a receipt naming the method, in the same unit of work: paid in full, or
 * the part received and the balance left (with the pay button for the rest). The merchant's confirmation is the
 * answer to their own request (the chat's reply, the API's response; the audit trail keeps who did it), so no
 * notice is queued to them. The event is published like an M-PESA payment's: {@link InvoiceEvent.Paid} when it
 * reaches the amount, else {@link InvoiceEvent.PartPaymentReceived}, so the stats and metrics count it.
 */
public final class MarkInvoicePaidService implements MarkInvoicePaidUseCase {

    private record Decision(MarkInvoicePaidOutcome outcome, Optional<InvoiceEvent> event) {
    }

    private final InvoiceRepository invoices;
    private final OutboxWriter outbox;
    private final RetryingTransactions transactions;
    private final DomainEvents events;
    private final Clock clock;

    public MarkInvoicePaidService(InvoiceRepository invoices, OutboxWriter outbox, Transactions transactions,
            DomainEvents events, Clock clock) {
        this.invoices = invoices;
        this.outbox = outbox;
        this.transactions = new RetryingTransactions(transactions);
        this.events = events;
        this.clock = clock;
    }

    @Override
    public MarkInvoicePaidOutcome markPaid(MarkInvoicePaidCommand command) {
        Decision decision = transactions.inTransaction(() -> invoices.find(command.invoiceId())
                .map(invoice -> mark(invoice, command))
                .orElseGet(() -> new Decision(new NotFound(command.invoiceId()), Optional.empty())));
        decision.event().ifPresent(events::publish);
        return decision.outcome();
    }

    private Decision mark(Invoice invoice, MarkInvoicePaidCommand command) {
        Optional<Money> amount = command.amount().map(Money::of);
        return switch (invoice.markPaidOutside(command.method(), amount, command.note(), clock.instant())) {
            case InvoiceOutcome.Applied applied -> {
                Invoice stored = invoices.update(applied.invoice());
                PaidOutside recorded = stored.paidOutside().getLast();
                boolean tell = stored.sentAt().isPresent();
                if (tell) {
                    outbox.toCustomer(stored.customer().msisdn(), MessagePurpose.RECEIPT, Optional.of(stored.id()),
                            OutsidePaymentCopy.receipt(stored, recorded, stored.language()));
                }
                yield new Decision(new Marked(stored, recorded, tell), Optional.of(applied.event()));
            }
            case InvoiceOutcome.Refused refused -> new Decision(new Refused(invoice, refused.refusal()),
                    Optional.empty());
            case InvoiceOutcome.Unchanged unchanged ->
                    throw new IllegalStateException("marking paid either changes an invoice or refuses");
        };
    }
}
