package ke.invoiceiq.adapters.memory;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Runs each unit of work under one lock, so units of work are serial, as under a serialisable database; a
 * nested call joins the unit it is in. There is NO rollback: what the work wrote through the in-memory ports
 * before it threw stays written. Tests that need all-or-nothing belong against the real database adapter.
 */
public final class DirectTransactions implements Transactions {

    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the calling thread is inside a unit of work: lets a test check a port was called in one. */
    public boolean isActive() {
        return lock.isHeldByCurrentThread();
    }
}
