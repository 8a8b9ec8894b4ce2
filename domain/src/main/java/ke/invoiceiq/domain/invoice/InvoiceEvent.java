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
     * The invoice became PAID: what it was paid reached its amount.
     *
     * @param receipt   the M-PESA receipt of the payment that completed it
     * @param timeToPay how long the customer took: from the invoice being sent (or created, if it was never
     *                  marked sent) to this payment, never negative
     */
    record Paid(InvoiceId invoiceId, Optional<MpesaReceipt> receipt, Duration timeToPay, Instant at)
            implements InvoiceEvent {

        public Paid {
            Objects.requireNonNull(receipt, "receipt");
            Objects.requireNonNull(timeToPay, "timeToPay");
        }
    }

    /**
     * Money arrived for an invoice the merchant had cancelled and it reached the amount: it is PAID now, and the
     * merchant must know.
     *
     * @param timeToPay from the invoice being sent (or created, if it was never marked sent) to this payment
     */
    record PaidAfterCancellation(InvoiceId invoiceId, Optional<MpesaReceipt> receipt, Duration timeToPay, Instant at)
            implements InvoiceEvent {

        public PaidAfterCancellation {
            Objects.requireNonNull(timeToPay, "timeToPay");
        }
    }

    /** A payment that left a balance: the invoice stays open for the rest. */
    record PartPaymentReceived(InvoiceId invoiceId, Money received, Money balance, Instant at) implements InvoiceEvent {
    }

    /** Money for an invoice already paid: the invoice stays as it is, the merchant refunds {@code excess}. */
    record DoublePaymentReceived(InvoiceId invoiceId, Optional<MpesaReceipt> receipt, Money excess, Instant at)
            implements InvoiceEvent {
    }

    record Cancelled(InvoiceId invoiceId, Instant at) implements InvoiceEvent {
    }

    record ReminderRequested(InvoiceId invoiceId, int reminderCount, Instant at) implements InvoiceEvent {
    }

    /** A reminder on an invoice that never arrived: deliver it again rather than nudge. */
    record RedeliveryRequested(InvoiceId invoiceId, int reminderCount, Instant at) implements InvoiceEvent {
    }
}
