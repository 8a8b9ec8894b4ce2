package ke.invoiceiq.adapters.memory;

import ke.invoiceiq.adapters.memory.contract.ChatSessionRepositoryContract;
import ke.invoiceiq.domain.chat.ChatSessionRepository;

class InMemoryChatSessionRepositoryContractTest extends ChatSessionRepositoryContract {

    @Override
    protected ChatSessionRepository repository() {
        return new InMemoryChatSessionRepository();
    }
}
