package ke.invoiceiq.domain.shared;

import java.util.function.Supplier;

/**
 * Driven port: a unit of work. Everything done through the ports inside {@code work} commits together or
 * not at all; the use cases decide where the boundaries are, the adapter decides how.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
