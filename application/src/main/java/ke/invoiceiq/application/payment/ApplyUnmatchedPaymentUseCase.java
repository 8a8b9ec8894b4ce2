package ke.invoiceiq.application.payment;

import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.payment.UnmatchedPaymentId;

/** Driving port: an operator applies money that matched no attempt to the invoice it was for (REST). */
public interface ApplyUnmatchedPaymentUseCase {

    ApplyUnmatchedPaymentOutcome apply(UnmatchedPaymentId payment, InvoiceId invoice);
}
