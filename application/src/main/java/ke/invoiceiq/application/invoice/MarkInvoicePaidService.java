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
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Records an invoice as paid outside M-PESA ({@link Invoice#markPaidOutside}). A customer who had the invoice gets
 * the usual receipt, saying the merchant received the money, in the same unit of work, so they stop being asked to
 * pay. The merchant gets no notice: they recorded it themselves (the API answers them, and the audit trail keeps
 * who did it). The {@link InvoiceEvent.Paid} is published like any payment's, so the stats and metrics count the
 * invoice as paid.
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
        return switch (invoice.markPaidOutside(command.method(), command.note(), clock.instant())) {
            case InvoiceOutcome.Applied applied -> {
                Invoice stored = invoices.update(applied.invoice());
                boolean tell = stored.sentAt().isPresent();
                if (tell) {
                    outbox.toCustomer(stored.customer().msisdn(), MessagePurpose.RECEIPT, Optional.of(stored.id()),
                            OutboundContent.text(InvoiceMessages.receiptOutsideMpesa(stored.language(), stored.id(),
                                            stored.amount()))
                                    .withSms(InvoiceMessages.receiptOutsideMpesaSms(stored.language(), stored.id(),
                                            stored.amount())));
                }
                yield new Decision(new Marked(stored, tell), Optional.of(applied.event()));
            }
            case InvoiceOutcome.Refused refused -> new Decision(new Refused(invoice, refused.refusal()),
                    Optional.empty());
            case InvoiceOutcome.Unchanged unchanged ->
                    throw new IllegalStateException("marking paid either changes an invoice or refuses");
        };
    }
}
