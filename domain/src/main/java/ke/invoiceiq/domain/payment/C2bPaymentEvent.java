package ke.invoiceiq.domain.payment;

import java.time.Instant;
import java.util.Objects;
import ke.invoiceiq.domain.shared.DomainEvent;

/** What became of money paid to the Paybill or Till from the M-PESA menu (C2B), for metrics. */
public record C2bPaymentEvent(C2bPayment.Kind kind, Outcome outcome, Instant at) implements DomainEvent {

    /** How a C2B payment ended; bounded, so it can label a metric. */
    public enum Outcome {
        /** Its account number named the invoice it was applied to. */
        BY_ACCOUNT,
        /** No account named an invoice; exactly one open invoice fitted by amount and time. */
        BY_AMOUNT,
        /** Nothing, or more than one invoice, fitted: kept for the merchant to apply. */
        UNMATCHED,
        /** Its validation was refused: the account number names no open invoice (no money moved). */
        REFUSED
    }

    public C2bPaymentEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
    }
}
