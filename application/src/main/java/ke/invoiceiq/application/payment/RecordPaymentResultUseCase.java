package ke.invoiceiq.application.payment;

import java.util.Optional;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.KeptResult;
import ke.invoiceiq.domain.payment.PaymentResult;

/**
 * Driving port: M-PESA says how an STK push ended (the Daraja callback, or the reconciler's query). Every callback
 * is kept in the inbox first (with its raw body), and applied from there at most once; the invoice decides what
 * it means.
 */
public interface RecordPaymentResultUseCase {

    /** A callback: kept with {@code rawBody}, then applied if its attempt can be found. */
    RecordOutcome record(PaymentResult result, Optional<String> rawBody);

    /**
     * Applies the results kept for {@code id} and not applied yet (the STK response has just named an attempt), and
     * money already raised as unmatched under that id. Returns what came of the last one.
     */
    RecordOutcome applyStored(CheckoutRequestId id);

    /**
     * Applies a kept result again (the reconciler's sweep). When {@code finalAttempt} and it still matches no
     * attempt, money is raised as an unmatched payment, and a failure is let go (there is nothing to account for).
     */
    RecordOutcome resolve(KeptResult kept, boolean finalAttempt);

    /**
     * Applies what an STK query learnt, without a place in the inbox: the callback may still arrive, and it alone
     * carries the receipt, amount and paying number.
     */
    RecordOutcome applyQueried(PaymentResult result);
}
