package ke.invoiceiq.application.invoice;

import java.util.Objects;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Refusal;

/** What came of a cancel request. */
public sealed interface CancelInvoiceOutcome {

    /** Cancelled now; {@code customerTold} when the customer had the invoice and a notice is queued. */
    record Cancelled(Invoice invoice, boolean customerTold) implements CancelInvoiceOutcome {
    }

    /** It was cancelled before: nothing changed. */
    record AlreadyCancelled(Invoice invoice) implements CancelInvoiceOutcome {
    }

    /** {@link Refusal#PAYMENT_IN_FLIGHT} (the money may still come) or {@link Refusal#ALREADY_PAID}. */
    record Refused(Invoice invoice, Refusal refusal) implements CancelInvoiceOutcome {
        public Refused {
            Objects.requireNonNull(invoice, "invoice");
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    record NotFound(InvoiceId invoiceId) implements CancelInvoiceOutcome {
    }
}
