package ke.invoiceiq.application.payment;

import ke.invoiceiq.domain.payment.PaymentId;

/** Driving port: an operator asks M-PESA now how one STK attempt ended (the reconciler's query, on demand). */
public interface RequeryPaymentUseCase {

    RequeryPaymentOutcome requery(PaymentId id);
}
