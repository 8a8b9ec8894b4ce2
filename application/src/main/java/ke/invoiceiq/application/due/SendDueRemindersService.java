package ke.invoiceiq.application.due;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.application.invoice.InvoiceMessages;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.application.shared.RetryingTransactions;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.due.DueDates;
import ke.invoiceiq.domain.due.ReminderSchedule;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceOutcome;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.ReminderPolicy;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.shared.DomainEvent;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * The automatic reminders. Each run reads the open invoices due by today (in Nairobi), a page at a time, and for
 * each, in a unit of work of its own: reads it again, asks the schedule ({@link ReminderSchedule#decide}) with the
 * customer's STOP, and when a step is due applies the merchant's own reminder rule ({@link Invoice#remind}, the same
 * count and interval as a manual {@code remind}) and queues the same reminder a manual one sends
 * ({@link InvoiceMessages#reminder}): the dispatcher sends it on WhatsApp inside the 24-hour window, by the approved
 * template outside it, and by SMS when WhatsApp cannot. Two instances running at once both may decide to send; the
 * invoice's version lets one update win, and the other, read again, finds the step done.
 */
public final class SendDueRemindersService implements SendDueRemindersUseCase {

    private final InvoiceRepository invoices;
    private final CustomerDirectory customers;
    private final OutboxWriter outbox;
    private final Transactions plain;
    private final RetryingTransactions transactions;
    private final DomainEvents events;
    private final Clock clock;
    private final ReminderPolicy policy;
    private final DueSettings settings;
    private final InvoiceMessages messages;

    public SendDueRemindersService(InvoiceRepository invoices, CustomerDirectory customers, OutboxWriter outbox,
            Transactions transactions, DomainEvents events, Clock clock, MerchantSettings merchant,
            ReminderPolicy policy, DueSettings settings) {
        this.invoices = invoices;
        this.customers = customers;
        this.outbox = outbox;
        this.plain = transactions;
        this.transactions = new RetryingTransactions(transactions);
        this.events = events;
        this.clock = clock;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.messages = new InvoiceMessages(merchant);
    }

    @Override
    public DueRemindersReport send() {
        Instant start = clock.instant();
        if (settings.reminders().isQuiet(start)) {
            return new DueRemindersReport(0, 0, 0);
        }
        LocalDate today = DueDates.today(start);
        int looked = 0;
        int reminded = 0;
        int errors = 0;
        Optional<InvoiceId> after = Optional.empty();
        while (true) {
            Optional<InvoiceId> from = after;
            List<Invoice> page = plain.inTransaction(() -> invoices.openDueBy(today, from, settings.batchSize()));
            for (Invoice candidate : page) {
                looked++;
                try {
                    Optional<DomainEvent> event = transactions.inTransaction(() -> remindIfDue(candidate.id()));
                    if (event.isPresent()) {
                        events.publish(event.get());
                        reminded++;
                    }
                } catch (RuntimeException e) {
                    // one invoice that fails (a conflict three times over, a database hiccup) waits for the next run
                    errors++;
                }
            }
            if (page.size() < settings.batchSize()) {
                return new DueRemindersReport(looked, reminded, errors);
            }
            after = Optional.of(page.getLast().id());
        }
    }

    private Optional<DomainEvent> remindIfDue(InvoiceId id) {
        Instant now = clock.instant();
        Optional<Invoice> found = invoices.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Invoice invoice = found.get();
        boolean stopped = customers.remindersStopped(invoice.customer().msisdn());
        if (!(settings.reminders().decide(invoice, stopped, policy, now) instanceof ReminderSchedule.Decision.Send)) {
            return Optional.empty();
        }
        if (!(invoice.remind(policy, now) instanceof InvoiceOutcome.Applied applied)) {
            return Optional.empty();
        }
        Invoice stored = invoices.update(applied.invoice());
        outbox.toCustomer(stored.customer().msisdn(), MessagePurpose.REMINDER, Optional.of(stored.id()),
                messages.reminder(stored));
        return Optional.of(applied.event());
    }
}
