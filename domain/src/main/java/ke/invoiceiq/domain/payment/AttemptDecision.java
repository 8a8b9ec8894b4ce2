package ke.invoiceiq.domain.payment;

import java.time.Instant;

/** Whether a new STK attempt may start for an invoice. */
public sealed interface AttemptDecision {

    record Allowed() implements AttemptDecision {
    }

    /** A push is still open; a second one would only confuse the customer (and M-PESA locks the phone). */
    record InFlight(Payment current) implements AttemptDecision {
    }

    /** The last attempt failed moments ago; M-PESA itself refuses quick repeats. */
    record CoolingDown(Instant until) implements AttemptDecision {
    }

    record AlreadyPaid(Payment paid) implements AttemptDecision {
    }
}
