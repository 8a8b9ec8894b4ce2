package ke.invoiceiq.application.invoice;

/** Driving port: an operator records that an invoice was paid outside M-PESA Express (cash, a bank transfer). */
public interface MarkInvoicePaidUseCase {

    MarkInvoicePaidOutcome markPaid(MarkInvoicePaidCommand command);
}
