package ke.invoiceiq.adapters.memory;

import ke.invoiceiq.adapters.memory.contract.PaymentRepositoryContract;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.payment.PaymentRepository;

class InMemoryPaymentRepositoryContractTest extends PaymentRepositoryContract {

    private final InMemoryInvoiceRepository invoices = new InMemoryInvoiceRepository();

    @Override
    protected PaymentRepository repository() {
        return new InMemoryPaymentRepository();
    }

    @Override
    protected InvoiceRepository invoices() {
        return invoices;
    }
}
