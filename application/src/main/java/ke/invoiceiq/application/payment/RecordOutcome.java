package ke.invoiceiq.application.payment;

import java.math.BigDecimal;
import ke.invoiceiq.domain.payment.Payment;

/** What came of one payment result (a Daraja callback or a query answer). */
public sealed interface RecordOutcome {

    /** The result settled its attempt: paid (invoice PAID, receipts queued) or failed (both sides told). */
    record Applied(Payment payment) implements RecordOutcome {
    }

    /** M-PESA reported another amount than the invoice's: the attempt is recorded, the invoice not paid. */
    record AmountMismatch(Payment payment, BigDecimal reported) implements RecordOutcome {
    }

    /**
     * Stored, not applied yet: no attempt carries its CheckoutRequestID yet (a callback that beat the STK
     * response), or it lost a race too often. It waits in the inbox; the STK response or the reconciler applies it.
     */
    record Kept() implements RecordOutcome {
    }

    /** Already applied, or nothing left to apply: nothing changed. */
    record Duplicate() implements RecordOutcome {
    }
}
