package ke.invoiceiq.application.payment;

import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.payment.Payment;

/** Driving port: the STK attempts made for one invoice (REST {@code GET /payments?invoice_id=}). */
public interface FindPaymentsUseCase {

    /** Every attempt for the invoice, newest first; empty when there is no such invoice. */
    Optional<List<Payment>> ofInvoice(InvoiceId invoiceId);
}
