package ke.invoiceiq.adapters.memory;

import ke.invoiceiq.adapters.memory.contract.OutboxContract;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.messaging.Outbox;

class InMemoryOutboxContractTest extends OutboxContract {

    private final InMemoryInvoiceRepository invoices = new InMemoryInvoiceRepository();

    @Override
    protected Outbox outbox() {
        return new InMemoryOutbox();
    }

    @Override
    protected InvoiceRepository invoices() {
        return invoices;
    }
}
