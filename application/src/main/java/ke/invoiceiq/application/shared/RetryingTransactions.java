package ke.invoiceiq.application.shared;

import java.util.Objects;
import java.util.function.Supplier;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * A unit of work that is tried again when an optimistic version check fails: someone changed the same
 * aggregate first, so the whole work is run again on fresh reads. Up to {@link #ATTEMPTS} tries in all.
 */
public final class RetryingTransactions {

    public static final int ATTEMPTS = 3;

    private final Transactions transactions;

    public RetryingTransactions(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    public <T> T inTransaction(Supplier<T> work) {
        return onConflict(() -> transactions.inTransaction(work));
    }

    /** Runs {@code unitOfWork} (which opens its own transaction) again on a version conflict, up to ATTEMPTS tries. */
    public static <T> T onConflict(Supplier<T> unitOfWork) {
        for (int attempt = 1; ; attempt++) {
            try {
                return unitOfWork.get();
            } catch (ConcurrentUpdateException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    public void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
