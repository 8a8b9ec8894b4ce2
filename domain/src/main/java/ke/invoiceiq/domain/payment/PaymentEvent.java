package ke.invoiceiq.domain.payment;

import java.time.Instant;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.shared.DomainEvent;

/** What happened to STK attempts, for metrics and the audit trail. */
public sealed interface PaymentEvent extends DomainEvent {

    InvoiceId invoiceId();

    record Requested(InvoiceId invoiceId, PaymentId paymentId, Instant at) implements PaymentEvent {
    }

    record Succeeded(InvoiceId invoiceId, PaymentId paymentId, Instant at) implements PaymentEvent {
    }

    record Failed(InvoiceId invoiceId, PaymentId paymentId, StkReason reason, Instant at) implements PaymentEvent {
    }

    /** Given up without an answer from M-PESA: the outcome is unknown ({@link StkReason#NO_ANSWER}). */
    record Expired(InvoiceId invoiceId, PaymentId paymentId, Instant at) implements PaymentEvent {
    }
}
