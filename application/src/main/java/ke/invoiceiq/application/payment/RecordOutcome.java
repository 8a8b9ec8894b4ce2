package ke.invoiceiq.application.payment;

import java.util.Objects;
import ke.invoiceiq.domain.invoice.Settlement;
import ke.invoiceiq.domain.payment.UnmatchedPayment;

/** What came of one payment result (a Daraja callback or a query answer). */
public sealed interface RecordOutcome {

    /** The result found its attempt, and the invoice made {@code settlement} of it (stored, people told). */
    record Settled(Settlement settlement) implements RecordOutcome {
        public Settled {
            Objects.requireNonNull(settlement, "settlement");
        }
    }

    /**
     * Stored, not applied yet: no attempt matches it yet (a callback that beat the STK response), or it lost a race
     * too often. It waits in the inbox; the STK response or the reconciler applies it, or raises it as unmatched.
     */
    record Kept() implements RecordOutcome {
    }

    /** Money that matches no attempt: raised as an unmatched payment, counted, the merchant told. */
    record Unmatched(UnmatchedPayment payment) implements RecordOutcome {
    }

    /** Already applied, or nothing left to apply: nothing changed. */
    record Duplicate() implements RecordOutcome {
    }
}
