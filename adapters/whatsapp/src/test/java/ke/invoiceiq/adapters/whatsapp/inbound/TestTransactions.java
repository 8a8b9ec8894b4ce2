package ke.invoiceiq.adapters.whatsapp.inbound;

import jakarta.inject.Singleton;
import java.util.function.Supplier;
import ke.invoiceiq.adapters.memory.DirectTransactions;
import ke.invoiceiq.domain.shared.Transactions;

/** The unit of work of the tests: the in-memory one (serial, no rollback). */
@Singleton
public class TestTransactions implements Transactions {

    private final DirectTransactions delegate = new DirectTransactions();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return delegate.inTransaction(work);
    }
}
