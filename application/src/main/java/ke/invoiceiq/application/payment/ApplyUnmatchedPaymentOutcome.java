package ke.invoiceiq.application.payment;

import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Settlement;
import ke.invoiceiq.domain.payment.UnmatchedPayment;

/** What came of applying an unmatched payment to an invoice. */
public sealed interface ApplyUnmatchedPaymentOutcome {

    /** Applied: the invoice made {@code settlement} of the money (stored, people told). */
    record Applied(UnmatchedPayment payment, Settlement settlement) implements ApplyUnmatchedPaymentOutcome {
    }

    /** Applied before (to {@code payment.appliedTo()}): nothing changed. */
    record AlreadyApplied(UnmatchedPayment payment) implements ApplyUnmatchedPaymentOutcome {
    }

    /**
     * It belongs to a payment of invoice {@code recordedOn} (its attempt turned up after all, holding its receipt or
     * its CheckoutRequestID): the money is accounted for there, and the unmatched payment is closed as applied to it.
     */
    record AlreadyRecorded(UnmatchedPayment payment, InvoiceId recordedOn) implements ApplyUnmatchedPaymentOutcome {
    }

    /** M-PESA did not report how much: it cannot be counted towards an invoice. */
    record AmountUnknown(UnmatchedPayment payment) implements ApplyUnmatchedPaymentOutcome {
    }

    record PaymentNotFound() implements ApplyUnmatchedPaymentOutcome {
    }

    record InvoiceNotFound() implements ApplyUnmatchedPaymentOutcome {
    }
}
