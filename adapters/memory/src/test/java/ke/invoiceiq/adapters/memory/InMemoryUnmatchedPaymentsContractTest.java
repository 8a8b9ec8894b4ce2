package ke.invoiceiq.adapters.memory;

import ke.invoiceiq.adapters.memory.contract.UnmatchedPaymentsContract;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.payment.UnmatchedPayments;

class InMemoryUnmatchedPaymentsContractTest extends UnmatchedPaymentsContract {

    @Override
    protected UnmatchedPayments payments() {
        return new InMemoryUnmatchedPayments();
    }

    @Override
    protected InvoiceRepository invoices() {
        return new InMemoryInvoiceRepository();
    }
}
