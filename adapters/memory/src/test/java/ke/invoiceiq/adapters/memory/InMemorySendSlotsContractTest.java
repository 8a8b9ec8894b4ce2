package ke.invoiceiq.adapters.memory;

import ke.invoiceiq.adapters.memory.contract.SendSlotsContract;
import ke.invoiceiq.domain.messaging.SendSlots;

class InMemorySendSlotsContractTest extends SendSlotsContract {

    @Override
    protected SendSlots slots() {
        return new InMemorySendSlots();
    }
}
