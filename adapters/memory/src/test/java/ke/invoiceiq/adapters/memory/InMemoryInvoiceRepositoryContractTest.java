package ke.invoiceiq.adapters.memory;

import ke.invoiceiq.adapters.memory.contract.InvoiceRepositoryContract;
import ke.invoiceiq.domain.invoice.InvoiceRepository;

class InMemoryInvoiceRepositoryContractTest extends InvoiceRepositoryContract {

    @Override
    protected InvoiceRepository repository() {
        return new InMemoryInvoiceRepository();
    }
}
