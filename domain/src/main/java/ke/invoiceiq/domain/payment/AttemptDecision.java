package ke.invoiceiq.domain.payment;

import java.time.Instant;

/** Whether a new STK attempt may start for an invoice, as far as its earlier attempts go. */
public sealed interface AttemptDecision {

    record Allowed() implements AttemptDecision {
    }

    /**
     * An attempt's outcome is not known yet; a second push could charge the customer twice (and M-PESA locks the
     * phone while a prompt is open).
     */
    record InFlight(Payment current) implements AttemptDecision {
    }

    /** The last attempt ended for a reason that asks for a pause ({@link StkReason.Retry#AFTER_COOLDOWN}). */
    record CoolingDown(Instant until) implements AttemptDecision {
    }
}
