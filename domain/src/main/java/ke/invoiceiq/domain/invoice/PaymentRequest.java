package ke.invoiceiq.domain.invoice;

import java.time.Instant;
import java.util.Objects;
import ke.invoiceiq.domain.payment.Payment;

/** What an invoice makes of a request to start an STK push ({@link Invoice#requestPayment}). */
public sealed interface PaymentRequest {

    /** A new attempt, for the invoice's balance: store {@code invoice}, then push. */
    record Start(Invoice invoice, Payment attempt) implements PaymentRequest {
        public Start {
            Objects.requireNonNull(invoice, "invoice");
            Objects.requireNonNull(attempt, "attempt");
        }
    }

    /** The same idempotency key asked before, for this invoice: the first attempt, and no new push. */
    record Replay(Payment first) implements PaymentRequest {
    }

    /** The asker is not the invoiced customer. */
    record NotYours() implements PaymentRequest {
    }

    record AlreadyPaid() implements PaymentRequest {
    }

    record Cancelled() implements PaymentRequest {
    }

    /** An attempt's outcome is not known yet. */
    record InFlight(Payment current) implements PaymentRequest {
    }

    /** The last attempt ended for a reason that asks for a pause, until {@code until}. */
    record CoolingDown(Instant until) implements PaymentRequest {
    }
}
