package ke.invoiceiq.application.invoice;

import ke.invoiceiq.application.shared.RetryingTransactions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.application.invoice.CreateInvoiceOutcome.AmbiguousCustomer;
import ke.invoiceiq.application.invoice.CreateInvoiceOutcome.Created;
import ke.invoiceiq.application.invoice.CreateInvoiceOutcome.UnknownCustomer;
import ke.invoiceiq.application.due.DueSettings;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.domain.due.DueDates;
import ke.invoiceiq.domain.shared.Parsed;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Resolves the customer (a number, or a name from the directory) and the language to write to them in (the
 * command's, else the directory's, else the configured default), stores the invoice PENDING, remembers the
 * customer and queues the invoice message, all in one unit of work. The dispatcher sends it; its acceptance
 * makes the invoice SENT.
 */
public final class CreateInvoiceService implements CreateInvoiceUseCase {

    /** Draws of an invoice id before giving up: with 2^30 ids, even a million invoices collide once in a thousand. */
    static final int ID_DRAWS = 10;

    private final InvoiceRepository invoices;
    private final CustomerDirectory customers;
    private final IdGenerator ids;
    private final OutboxWriter outbox;
    private final RetryingTransactions transactions;
    private final DomainEvents events;
    private final Clock clock;
    private final InvoiceMessages messages;
    private final Language defaultLanguage;
    private final DueSettings due;

    public CreateInvoiceService(InvoiceRepository invoices, CustomerDirectory customers, IdGenerator ids,
            OutboxWriter outbox, Transactions transactions, DomainEvents events, Clock clock,
            MerchantSettings merchant) {
        this(invoices, customers, ids, outbox, transactions, events, clock, merchant, Language.EN,
                DueSettings.DEFAULT);
    }

    /** @param defaultLanguage a customer's language when neither the command nor the directory names one */
    public CreateInvoiceService(InvoiceRepository invoices, CustomerDirectory customers, IdGenerator ids,
            OutboxWriter outbox, Transactions transactions, DomainEvents events, Clock clock,
            MerchantSettings merchant, Language defaultLanguage) {
        this(invoices, customers, ids, outbox, transactions, events, clock, merchant, defaultLanguage,
                DueSettings.DEFAULT);
    }

    public CreateInvoiceService(InvoiceRepository invoices, CustomerDirectory customers, IdGenerator ids,
            OutboxWriter outbox, Transactions transactions, DomainEvents events, Clock clock,
            MerchantSettings merchant, DueSettings due) {
        this(invoices, customers, ids, outbox, transactions, events, clock, merchant, Language.EN, due);
    }

    /**
     * @param defaultLanguage a customer's language when neither the command nor the directory names one
     * @param due             the merchant's default terms, for an invoice given no due date
     */
    public CreateInvoiceService(InvoiceRepository invoices, CustomerDirectory customers, IdGenerator ids,
            OutboxWriter outbox, Transactions transactions, DomainEvents events, Clock clock,
            MerchantSettings merchant, Language defaultLanguage, DueSettings due) {
        this.defaultLanguage = Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        this.due = Objects.requireNonNull(due, "due");
        this.invoices = invoices;
        this.customers = customers;
        this.ids = ids;
        this.outbox = outbox;
        this.transactions = new RetryingTransactions(transactions);
        this.events = events;
        this.clock = clock;
        this.messages = new InvoiceMessages(merchant);
    }

    @Override
    public CreateInvoiceOutcome create(CreateInvoiceCommand command) {
        CreateInvoiceOutcome outcome = transactions.inTransaction(() -> createInTransaction(command));
        if (outcome instanceof Created created && created.isNew()) {
            events.publish(new InvoiceEvent.Issued(created.invoice().id(), created.invoice().createdAt()));
        }
        return outcome;
    }

    private CreateInvoiceOutcome createInTransaction(CreateInvoiceCommand command) {
        Optional<Invoice> earlier = command.key().flatMap(invoices::findByCreationKey);
        if (earlier.isPresent()) {
            return new Created(earlier.get(), false);
        }
        LocalDate today = DueDates.today(clock.instant());
        if (command.dueDate().map(day -> DueDates.check(day, today)).orElse(null)
                instanceof Parsed.Rejected<LocalDate> refused) {
            return new CreateInvoiceOutcome.DueDateRefused(refused.error());
        }
        return switch (command.customer()) {
            case CustomerRef.ByPhone phone -> issue(new Customer(phone.msisdn(),
                    command.name().or(() -> customers.find(phone.msisdn()).flatMap(Customer::name))), command);
            case CustomerRef.ByName byName -> {
                List<Customer> matches = customers.findByName(byName.name());
                if (matches.isEmpty()) {
                    yield new UnknownCustomer(byName.name());
                }
                if (matches.size() > 1) {
                    yield new AmbiguousCustomer(byName.name(), matches.size());
                }
                Customer known = matches.getFirst();
                Optional<CustomerName> name = command.name().or(known::name);
                yield issue(new Customer(known.msisdn(), name), command);
            }
        };
    }

    private Created issue(Customer customer, CreateInvoiceCommand command) {
        Instant now = clock.instant();
        Language language = command.language()
                .or(() -> customers.language(customer.msisdn()))
                .orElse(defaultLanguage);
        // no due date given: the merchant's default terms, counted from today in Nairobi (0 days: none)
        Optional<LocalDate> dueDate = command.dueDate().or(() -> due.defaultTermsDays() == 0 ? Optional.empty()
                : Optional.of(DueDates.today(now).plusDays(due.defaultTermsDays())));
        Invoice invoice = Invoice.issue(freeInvoiceId(), customer, command.amount(), command.description(),
                ids.nextPayToken(), now, dueDate, language);
        invoices.add(invoice, command.key());
        customers.remember(customer);
        outbox.toCustomer(customer.msisdn(), MessagePurpose.INVOICE, Optional.of(invoice.id()),
                messages.invoice(invoice));
        return new Created(invoice, true);
    }

    /**
     * Invoice ids are short (customers type them), so two invoices may draw the same one: a taken id is drawn again,
     * before the insert, which would otherwise fail the whole unit of work.
     */
    private InvoiceId freeInvoiceId() {
        InvoiceId id = ids.nextInvoiceId();
        for (int draws = 1; invoices.exists(id); draws++) {
            if (draws >= ID_DRAWS) {
                throw new IllegalStateException("no free invoice id in " + ID_DRAWS + " draws");
            }
            id = ids.nextInvoiceId();
        }
        return id;
    }
}
