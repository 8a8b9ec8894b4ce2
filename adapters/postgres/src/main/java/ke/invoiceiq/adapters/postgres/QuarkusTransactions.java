package ke.invoiceiq.adapters.postgres;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * The unit of work as a JTA transaction. A call inside another joins it (the outer boundary decides);
 * otherwise it begins one, commits when {@code work} returns and rolls back when it throws. Runtime
 * exceptions reach the caller unchanged (a {@link ke.invoiceiq.domain.shared.ConcurrentUpdateException} stays
 * one, so the use case can retry the whole unit).
 */
@ApplicationScoped
public class QuarkusTransactions implements Transactions {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.joiningExisting().call(work::get);
    }
}
