package ke.invoiceiq.adapters.memory;

import ke.invoiceiq.adapters.memory.contract.InvoiceStatisticsContract;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatistics;

class InMemoryInvoiceStatisticsContractTest extends InvoiceStatisticsContract {

    private final InMemoryInvoiceRepository invoices = new InMemoryInvoiceRepository();

    @Override
    protected InvoiceStatistics statistics() {
        return invoices;
    }

    @Override
    protected InvoiceRepository invoices() {
        return invoices;
    }
}
