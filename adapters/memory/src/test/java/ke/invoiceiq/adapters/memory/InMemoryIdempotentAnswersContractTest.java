package ke.invoiceiq.adapters.memory;

import ke.invoiceiq.adapters.memory.contract.IdempotentAnswersContract;
import ke.invoiceiq.domain.shared.IdempotentAnswers;

class InMemoryIdempotentAnswersContractTest extends IdempotentAnswersContract {

    @Override
    protected IdempotentAnswers answers() {
        return new InMemoryIdempotentAnswers();
    }
}
