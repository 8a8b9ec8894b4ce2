package ke.invoiceiq.application.payment;

import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentId;

/** What came of an operator's "ask M-PESA now" about one STK attempt. */
public sealed interface RequeryPaymentOutcome {

    /** M-PESA knew the outcome and it was applied, exactly as the reconciler applies it: the attempt after it. */
    record Settled(Payment payment) implements RequeryPaymentOutcome {
    }

    /** M-PESA does not know yet ({@code pending}: the customer has not finished) or the query failed; still open. */
    record StillOpen(Payment payment, boolean pending) implements RequeryPaymentOutcome {
    }

    /** Daraja's rate limit refused the query: ask again in a while. */
    record Throttled(Payment payment) implements RequeryPaymentOutcome {
    }

    /** Not in flight any more (it ended), or Daraja never named it (no CheckoutRequestID to ask about). */
    record NotQueryable(Payment payment) implements RequeryPaymentOutcome {
    }

    record NotFound(PaymentId id) implements RequeryPaymentOutcome {
    }
}
