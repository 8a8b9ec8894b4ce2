package ke.invoiceiq.adapters.memory;

import ke.invoiceiq.adapters.memory.contract.C2bInboxContract;
import ke.invoiceiq.domain.payment.C2bInbox;

class InMemoryC2bInboxContractTest extends C2bInboxContract {

    @Override
    protected C2bInbox inbox() {
        return new InMemoryC2bInbox();
    }
}
