package ke.invoiceiq.application.invoice;

import java.util.Objects;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.PaidOutside;
import ke.invoiceiq.domain.invoice.Refusal;

/** What came of recording money received outside M-PESA. */
public sealed interface MarkInvoicePaidOutcome {

    /**
     * Recorded as {@code recorded}: the invoice is PAID, or still open with its {@link Invoice#balance()} left.
     * {@code customerTold} when the invoice had reached the customer and a receipt is queued.
     */
    record Marked(Invoice invoice, PaidOutside recorded, boolean customerTold) implements MarkInvoicePaidOutcome {
        public Marked {
            Objects.requireNonNull(invoice, "invoice");
            Objects.requireNonNull(recorded, "recorded");
        }

        public boolean paidInFull() {
            return invoice.status() == InvoiceStatus.PAID;
        }
    }

    /**
     * {@link Refusal#PAYMENT_IN_FLIGHT} (an M-PESA prompt is open: the money may still come),
     * {@link Refusal#MORE_THAN_BALANCE} (the invoice's {@link Invoice#balance()} is less),
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
