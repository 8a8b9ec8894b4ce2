package ke.invoiceiq.application.payment;

import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.PaymentResult;

/**
 * Driving port: M-PESA says how an STK push ended (the Daraja callback, or the reconciler's query). Idempotent
 * by CheckoutRequestID: every callback is kept in the inbox first, and applied from there at most once.
 */
public interface RecordPaymentResultUseCase {

    RecordOutcome record(PaymentResult result);

    /** Applies a result already kept for {@code id}, if there is one not yet applied. */
    RecordOutcome applyStored(CheckoutRequestId id);

    /**
     * Applies what an STK query learnt, without taking the inbox slot of that CheckoutRequestID: the callback
     * may still arrive, and it alone carries the receipt, amount and paying number.
     */
    RecordOutcome applyQueried(PaymentResult result);
}
