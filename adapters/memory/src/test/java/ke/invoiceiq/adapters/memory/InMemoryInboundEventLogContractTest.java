package ke.invoiceiq.adapters.memory;

import ke.invoiceiq.adapters.memory.contract.InboundEventLogContract;
import ke.invoiceiq.domain.messaging.InboundEventLog;

class InMemoryInboundEventLogContractTest extends InboundEventLogContract {

    @Override
    protected InboundEventLog log() {
        return new InMemoryInboundEventLog();
    }
}
