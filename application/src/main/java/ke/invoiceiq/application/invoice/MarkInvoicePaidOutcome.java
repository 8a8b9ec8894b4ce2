package ke.invoiceiq.application.invoice;

import java.util.Objects;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Refusal;

/** What came of marking an invoice paid outside M-PESA. */
public sealed interface MarkInvoicePaidOutcome {

    /** PAID now; {@code customerTold} when the invoice had reached the customer and a receipt is queued. */
    record Marked(Invoice invoice, boolean customerTold) implements MarkInvoicePaidOutcome {
    }

    /**
     * {@link Refusal#PAYMENT_IN_FLIGHT} (an M-PESA prompt is open: the money may still come),
     * {@link Refusal#ALREADY_PAID} or {@link Refusal#CANCELLED}.
     */
    record Refused(Invoice invoice, Refusal refusal) implements MarkInvoicePaidOutcome {
        public Refused {
            Objects.requireNonNull(invoice, "invoice");
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    record NotFound(InvoiceId invoiceId) implements MarkInvoicePaidOutcome {
    }
}
