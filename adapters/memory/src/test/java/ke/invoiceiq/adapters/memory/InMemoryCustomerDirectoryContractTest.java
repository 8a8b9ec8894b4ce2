package ke.invoiceiq.adapters.memory;

import ke.invoiceiq.adapters.memory.contract.CustomerDirectoryContract;
import ke.invoiceiq.domain.customer.CustomerDirectory;

class InMemoryCustomerDirectoryContractTest extends CustomerDirectoryContract {

    @Override
    protected CustomerDirectory directory() {
        return new InMemoryCustomerDirectory();
    }
}
