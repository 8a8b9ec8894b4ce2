package ke.invoiceiq.domain.invoice;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.shared.DomainEvent;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.payment.MpesaReceipt;

/** Everything that can happen to an invoice, one record each; they feed the message log, metrics and replies. */
public sealed interface InvoiceEvent extends DomainEvent {

    InvoiceId invoiceId();

    Instant at();

    record Issued(InvoiceId invoiceId, Instant at) implements InvoiceEvent {
    }

    record Sent(InvoiceId invoiceId, Channel channel, Instant at) implements InvoiceEvent {
    }

    record DeliveryFailed(InvoiceId invoiceId, Instant at) implements InvoiceEvent {
    }

    /**
     * The invoice is paid.
     *
     * @param timeToPay how long the customer took: from the invoice being sent (or created, if it was never
     *                  marked sent) to this payment, never negative. Empty when the invoice was already PAID and
     *                  this event only fills in the M-PESA receipt that the first confirmation lacked: that
     *                  payment was told (and counted) before, see {@link #newlyPaid()}.
     */
    record Paid(InvoiceId invoiceId, Optional<MpesaReceipt> receipt, Optional<Duration> timeToPay, Instant at)
            implements InvoiceEvent {

        public Paid {
            Objects.requireNonNull(timeToPay, "timeToPay");
        }

        /** Whether the invoice became PAID with this event (rather than only gaining its receipt). */
        public boolean newlyPaid() {
            return timeToPay.isPresent();
        }
    }

    /**
     * Money arrived for an invoice the merchant had cancelled: it is PAID now, and the merchant must know.
     *
     * @param timeToPay from the invoice being sent (or created, if it was never marked sent) to this payment
     */
    record PaidAfterCancellation(InvoiceId invoiceId, Optional<MpesaReceipt> receipt, Duration timeToPay, Instant at)
            implements InvoiceEvent {

        public PaidAfterCancellation {
            Objects.requireNonNull(timeToPay, "timeToPay");
        }
    }

    /** A second, different receipt for an invoice already paid: the invoice stays as it is, the merchant refunds. */
    record DoublePaymentReceived(InvoiceId invoiceId, Optional<MpesaReceipt> receipt, Instant at) implements InvoiceEvent {
    }

    record Cancelled(InvoiceId invoiceId, Instant at) implements InvoiceEvent {
    }

    record ReminderRequested(InvoiceId invoiceId, int reminderCount, Instant at) implements InvoiceEvent {
    }

    /** A reminder on an invoice that never arrived: deliver it again rather than nudge. */
    record RedeliveryRequested(InvoiceId invoiceId, int reminderCount, Instant at) implements InvoiceEvent {
    }
}
