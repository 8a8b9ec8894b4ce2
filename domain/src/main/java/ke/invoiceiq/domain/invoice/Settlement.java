package ke.invoiceiq.domain.invoice;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.shared.DomainEvent;

/**
 * What an invoice made of news about one of its payments: M-PESA's result (callback or query), a refusal of the
 * push on the spot, the reconciler giving up, or money applied by an operator. Each carries the invoice to store
 * and the events to publish once it is stored.
 */
public sealed interface Settlement {

    Invoice invoice();

    List<DomainEvent> events();

    /** The same settlement with the invoice as the repository stored it (at its new version). */
    Settlement stored(Invoice stored);

    /**
     * The invoice is PAID with this payment: what it was paid reached its amount. {@code excess} is what was paid
     * beyond it (zero when exact), to refund; {@code afterCancellation} when the merchant had cancelled it.
     */
    record Paid(Invoice invoice, Payment payment, Money excess, boolean afterCancellation, List<DomainEvent> events)
            implements Settlement {
        @Override
        public Settlement stored(Invoice stored) {
            return new Paid(stored, payment, excess, afterCancellation, events);
        }

        public Paid {
            Objects.requireNonNull(excess, "excess");
            events = List.copyOf(events);
        }
    }

    /** The payment left {@code balance} to pay; the invoice stays open and the next push asks for the balance. */
    record PartlyPaid(Invoice invoice, Payment payment, Money balance, List<DomainEvent> events)
            implements Settlement {
        @Override
        public Settlement stored(Invoice stored) {
            return new PartlyPaid(stored, payment, balance, events);
        }

        public PartlyPaid {
            events = List.copyOf(events);
        }
    }

    /** Money for a cancelled invoice that does not reach its amount: it stays cancelled, the merchant refunds. */
    record ReceivedWhileCancelled(Invoice invoice, Payment payment, List<DomainEvent> events) implements Settlement {
        @Override
        public Settlement stored(Invoice stored) {
            return new ReceivedWhileCancelled(stored, payment, events);
        }

        public ReceivedWhileCancelled {
            events = List.copyOf(events);
        }
    }

    /** Money for an invoice already paid: all of it is {@code excess}, to refund. */
    record DoublePayment(Invoice invoice, Payment payment, Money excess, List<DomainEvent> events)
            implements Settlement {
        @Override
        public Settlement stored(Invoice stored) {
            return new DoublePayment(stored, payment, excess, events);
        }

        public DoublePayment {
            events = List.copyOf(events);
        }
    }

    /** A success already recorded got its details (receipt, transaction time, the amount M-PESA moved). */
    record ReceiptAdded(Invoice invoice, Payment payment) implements Settlement {
        @Override
        public Settlement stored(Invoice stored) {
            return new ReceiptAdded(stored, payment);
        }

        @Override
        public List<DomainEvent> events() {
            return List.of();
        }
    }

    /**
     * The attempt ended without money for {@code reason}; a new one may start at once, or from {@code retryFrom}.
     */
    record Failed(Invoice invoice, Payment payment, StkReason reason, Optional<Instant> retryFrom,
            List<DomainEvent> events) implements Settlement {
        @Override
        public Settlement stored(Invoice stored) {
            return new Failed(stored, payment, reason, retryFrom, events);
        }

        public Failed {
            Objects.requireNonNull(retryFrom, "retryFrom");
            events = List.copyOf(events);
        }
    }

    /** Given up: M-PESA never said how the attempt ended; the money may still come. */
    record NoAnswer(Invoice invoice, Payment payment, List<DomainEvent> events) implements Settlement {
        @Override
        public Settlement stored(Invoice stored) {
            return new NoAnswer(stored, payment, events);
        }

        public NoAnswer {
            events = List.copyOf(events);
        }
    }

    /** Nothing new: told before, or about an attempt already past this point. */
    record Unchanged(Invoice invoice) implements Settlement {
        @Override
        public Settlement stored(Invoice stored) {
            return new Unchanged(stored);
        }

        @Override
        public List<DomainEvent> events() {
            return List.of();
        }
    }
}
