package ke.invoiceiq.application.invoice;

import ke.invoiceiq.application.shared.RetryingTransactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.application.invoice.RemindInvoiceOutcome.NotFound;
import ke.invoiceiq.application.invoice.RemindInvoiceOutcome.Redelivered;
import ke.invoiceiq.application.invoice.RemindInvoiceOutcome.Refused;
import ke.invoiceiq.application.invoice.RemindInvoiceOutcome.Reminded;
import ke.invoiceiq.application.due.ReminderOptOuts;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceOutcome;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.Refusal;
import ke.invoiceiq.domain.invoice.ReminderPolicy;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Applies the invoice's reminder rule (sent, not paid, not cancelled, not too often) and queues the
 * reminder, or for an invoice that never arrived, the invoice again, in the same unit of work.
 */
public final class RemindInvoiceService implements RemindInvoiceUseCase {

    /** What the unit of work decided, and the event to publish once it is committed. */
    private record Decision(RemindInvoiceOutcome outcome, Optional<InvoiceEvent> event) {
    }

    private final InvoiceRepository invoices;
    private final OutboxWriter outbox;
    private final RetryingTransactions transactions;
    private final DomainEvents events;
    private final Clock clock;
    private final ReminderPolicy policy;
    private final InvoiceMessages messages;
    private final Optional<ReminderOptOuts> optOuts;

    /**
     * With {@code optOuts}, a reminder the merchant asks for to a customer who replied STOP is still sent (the merchant
     * chose to), and the merchant is told the customer had asked for no automatic reminders.
     */
    public RemindInvoiceService(InvoiceRepository invoices, OutboxWriter outbox, Transactions transactions,
            DomainEvents events, Clock clock, MerchantSettings merchant, ReminderPolicy policy,
            Optional<ReminderOptOuts> optOuts) {
        this.invoices = invoices;
        this.outbox = outbox;
        this.transactions = new RetryingTransactions(transactions);
        this.events = events;
        this.clock = clock;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.messages = new InvoiceMessages(merchant);
        this.optOuts = Objects.requireNonNull(optOuts, "optOuts");
    }

    public RemindInvoiceService(InvoiceRepository invoices, OutboxWriter outbox, Transactions transactions,
            DomainEvents events, Clock clock, MerchantSettings merchant, ReminderPolicy policy) {
        this.invoices = invoices;
        this.outbox = outbox;
        this.transactions = new RetryingTransactions(transactions);
        this.events = events;
        this.clock = clock;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.messages = new InvoiceMessages(merchant);
        this.optOuts = Optional.empty();
    }

    @Override
    public RemindInvoiceOutcome remind(RemindInvoiceCommand command) {
        Decision decision = transactions.inTransaction(() -> invoices.find(command.invoiceId())
                .map(this::remind)
                .orElseGet(() -> new Decision(new NotFound(command.invoiceId()), Optional.empty())));
        decision.event().ifPresent(events::publish);
        return decision.outcome();
    }

    private Decision remind(Invoice invoice) {
        Instant now = clock.instant();
        return switch (invoice.remind(policy, now)) {
            case InvoiceOutcome.Applied applied -> {
                Invoice stored = invoices.update(applied.invoice());
                yield switch (applied.event()) {
                    case InvoiceEvent.RedeliveryRequested e -> {
                        queue(stored, MessagePurpose.INVOICE);
                        yield new Decision(new Redelivered(stored), Optional.of(e));
                    }
                    default -> {
                        queue(stored, MessagePurpose.REMINDER);
                        optOuts.flatMap(o -> o.noteForMerchant(stored.customer().msisdn())).ifPresent(note ->
                                outbox.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.of(stored.id()),
                                        ke.invoiceiq.domain.messaging.OutboundContent.text(note)));
                        yield new Decision(new Reminded(stored), Optional.of(applied.event()));
                    }
                };
            }
            case InvoiceOutcome.Refused refused -> new Decision(
                    new Refused(invoice, refused.refusal(), remindAgainAt(invoice, refused.refusal())),
                    Optional.empty());
            case InvoiceOutcome.Unchanged unchanged ->
                    throw new IllegalStateException("a reminder never leaves an invoice unchanged");
        };
    }

    private void queue(Invoice invoice, MessagePurpose purpose) {
        var content = purpose == MessagePurpose.INVOICE ? messages.invoice(invoice) : messages.reminder(invoice);
        outbox.toCustomer(invoice.customer().msisdn(), purpose, Optional.of(invoice.id()), content);
    }

    private Optional<Instant> remindAgainAt(Invoice invoice, Refusal refusal) {
        return refusal == Refusal.REMINDED_RECENTLY
                ? invoice.lastRemindedAt().map(at -> at.plus(policy.minInterval()))
                : Optional.empty();
    }
}
