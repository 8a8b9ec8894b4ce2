package ke.invoiceiq.application.invoice;

import ke.invoiceiq.domain.shared.FieldError;
import java.util.Objects;
import ke.invoiceiq.domain.invoice.Invoice;

/** What came of a request to create an invoice. */
public sealed interface CreateInvoiceOutcome {

    /**
     * Stored PENDING, the invoice message to the customer queued; or, when {@code isNew} is false, created before by
     * a request with the same key (nothing new was created or sent).
     */
    record Created(Invoice invoice, boolean isNew) implements CreateInvoiceOutcome {
        public Created {
            Objects.requireNonNull(invoice, "invoice");
        }

        public Created(Invoice invoice) {
            this(invoice, true);
        }
    }

    /** No customer in the directory has that name: nothing was created. */
    record UnknownCustomer(String name) implements CreateInvoiceOutcome {
        public UnknownCustomer {
            Objects.requireNonNull(name, "name");
        }

        /** What to tell the merchant, with how to fix it. */
        public String message() {
            return "I don't know a customer called " + name + ".\n"
                    + "Use their phone number: invoice 07XXXXXXXX 2500 Cleaning";
        }
    }

    /**
     * The due date asked for has passed (in Nairobi) or is too far away: nothing was created. {@code error} says
     * which and what to give instead.
     */
    record DueDateRefused(FieldError error) implements CreateInvoiceOutcome {
        public DueDateRefused {
            Objects.requireNonNull(error, "error");
        }
    }

    /** Several customers have that name: nothing was created, the number decides. */
    record AmbiguousCustomer(String name, int matches) implements CreateInvoiceOutcome {
        public AmbiguousCustomer {
            Objects.requireNonNull(name, "name");
        }

        public String message() {
            return matches + " customers are called " + name + ".\n"
                    + "Use the phone number instead: invoice 07XXXXXXXX 2500 Cleaning";
        }
    }
}
