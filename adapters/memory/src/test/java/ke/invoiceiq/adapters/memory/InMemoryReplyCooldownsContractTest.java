package ke.invoiceiq.adapters.memory;

import ke.invoiceiq.adapters.memory.contract.ReplyCooldownsContract;
import ke.invoiceiq.domain.messaging.ReplyCooldowns;

class InMemoryReplyCooldownsContractTest extends ReplyCooldownsContract {

    @Override
    protected ReplyCooldowns cooldowns() {
        return new InMemoryReplyCooldowns();
    }
}
