package ke.invoiceiq.application.invoice;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Refusal;

/** What came of a reminder request. */
public sealed interface RemindInvoiceOutcome {

    /** A SENT invoice: the reminder is queued to the customer. */
    record Reminded(Invoice invoice) implements RemindInvoiceOutcome {
    }

    /** A FAILED invoice: the invoice message itself is queued again. */
    record Redelivered(Invoice invoice) implements RemindInvoiceOutcome {
    }

    /**
     * Not now, or not at all. {@code remindAgainAt} is when a reminder will be allowed again, for
     * {@link Refusal#REMINDED_RECENTLY}.
     */
    record Refused(Invoice invoice, Refusal refusal, Optional<Instant> remindAgainAt) implements RemindInvoiceOutcome {
        public Refused {
            Objects.requireNonNull(invoice, "invoice");
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(remindAgainAt, "remindAgainAt");
        }
    }

    record NotFound(InvoiceId invoiceId) implements RemindInvoiceOutcome {
    }
}
