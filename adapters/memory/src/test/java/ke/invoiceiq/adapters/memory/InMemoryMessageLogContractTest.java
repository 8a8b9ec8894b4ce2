package ke.invoiceiq.adapters.memory;

import ke.invoiceiq.adapters.memory.contract.MessageLogContract;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.messaging.MessageLog;

class InMemoryMessageLogContractTest extends MessageLogContract {

    private final InMemoryInvoiceRepository invoices = new InMemoryInvoiceRepository();

    @Override
    protected MessageLog log() {
        return new InMemoryMessageLog();
    }

    @Override
    protected InvoiceRepository invoices() {
        return invoices;
    }
}
