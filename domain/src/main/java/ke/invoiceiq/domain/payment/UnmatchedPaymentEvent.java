package ke.invoiceiq.domain.payment;

import java.time.Instant;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.shared.DomainEvent;

/** What happened to money that matched no attempt, for metrics and the audit trail. */
public sealed interface UnmatchedPaymentEvent extends DomainEvent {

    UnmatchedPaymentId unmatchedPaymentId();

    /** M-PESA reported money that matches no attempt: it is kept OPEN and the merchant is told. */
    record Raised(UnmatchedPaymentId unmatchedPaymentId, Instant at) implements UnmatchedPaymentEvent {
    }

    /** An open one was applied to an invoice. */
    record Applied(UnmatchedPaymentId unmatchedPaymentId, InvoiceId invoiceId, Instant at)
            implements UnmatchedPaymentEvent {
    }
}
