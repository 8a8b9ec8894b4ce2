package ke.invoiceiq.adapters.memory;

import ke.invoiceiq.adapters.memory.contract.MoneyReceivedContract;
import ke.invoiceiq.domain.export.MoneyReceived;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.payment.UnmatchedPayments;

class InMemoryMoneyReceivedContractTest extends MoneyReceivedContract {

    private InMemoryPorts ports;

    @Override
    protected MoneyReceived moneyReceived() {
        ports = InMemoryPorts.create();
        return ports.moneyReceived();
    }

    @Override
    protected InvoiceRepository invoices() {
        return ports.invoices();
    }

    @Override
    protected UnmatchedPayments unmatched() {
        return ports.unmatchedPayments();
    }
}
