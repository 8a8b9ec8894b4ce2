package ke.invoiceiq.domain.command;

import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.due.DueClause;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.PaidOutside;
import ke.invoiceiq.domain.shared.FieldError;

/** What a line of text asks for. The one-line parser and the guided chat flow both end in these. */
public sealed interface Command {

    /**
     * {@code invoice <phone_or_name> <amount> <description…> [due <date> | in <n> days] [sw|en]}: create and send
     * at once. The due clause is kept as typed ({@link DueClause}); the chat reads it against today when it acts.
     * The customer is written to in {@code language} when the line ends with a language tag ({@link TrailingLanguage}).
     */
    record CreateInvoice(CustomerRef customer, Amount amount, Description description, Optional<DueClause> due,
            Optional<Language> language)
            implements Command {
        public CreateInvoice {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(due, "due");
            Objects.requireNonNull(language, "language");
        }

        /** Without a due clause or a language tag. */
        public CreateInvoice(CustomerRef customer, Amount amount, Description description) {
            this(customer, amount, description, Optional.empty(), Optional.empty());
        }
    }

    /** {@code lang <phone> sw|en} ({@code lugha …}): the language a customer is written to in from now on. */
    record SetLanguage(Msisdn customer, Language language) implements Command {
        public SetLanguage {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(language, "language");
        }
    }

    /** {@code invoice}, {@code new invoice}, {@code new}: answer the bot's questions one at a time. */
    record StartGuidedFlow() implements Command {
    }

    record Remind(InvoiceId invoiceId) implements Command {
    }

    record Cancel(InvoiceId invoiceId) implements Command {
    }

    record Status(InvoiceId invoiceId) implements Command {
    }

    /** {@code list}: the last five invoices. */
    record ListInvoices() implements Command {
    }

    record Help() implements Command {
    }

    /** {@code pay <invoice id>}, from a customer by WhatsApp text or SMS. */
    record Pay(InvoiceId invoiceId) implements Command {
    }

    /**
     * {@code paid <invoice id> [amount] <cash|bank|other> [note…]}, from the merchant: money received outside M-PESA
     * Express. No amount means the whole balance; no note means none was typed.
     */
    record MarkPaid(InvoiceId invoiceId, Optional<Amount> amount, PaidOutside.Method method, Optional<String> note)
            implements Command {
        public MarkPaid {
            Objects.requireNonNull(invoiceId, "invoiceId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(note, "note");
            if (note.filter(n -> !PaidOutside.isNote(n)).isPresent()) {
                throw new IllegalArgumentException("not a note PaidOutside can keep");
            }
        }
    }

    /** A known verb with a bad or missing argument: {@code error} names the field and the expected form. */
    record Invalid(String verb, FieldError error) implements Command {
        public Invalid {
            Objects.requireNonNull(verb, "verb");
            Objects.requireNonNull(error, "error");
        }
    }

    /** Nothing we understand; {@code hint} shows the grammar. */
    record Unknown(String hint) implements Command {
    }
}
