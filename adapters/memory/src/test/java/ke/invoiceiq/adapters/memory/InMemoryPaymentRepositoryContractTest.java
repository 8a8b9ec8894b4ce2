package ke.invoiceiq.adapters.memory;

import ke.invoiceiq.adapters.memory.contract.PaymentRepositoryContract;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.payment.PaymentRepository;

class InMemoryPaymentRepositoryContractTest extends PaymentRepositoryContract {

    private InMemoryInvoiceRepository invoices;

    @Override
    protected PaymentRepository repository() {
        invoices = new InMemoryInvoiceRepository();
        return new InMemoryPaymentRepository(invoices);
    }

    @Override
    protected InvoiceRepository invoices() {
        return invoices;
    }
}
