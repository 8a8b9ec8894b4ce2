package ke.invoiceiq.domain.shared;

/**
 * Thrown by a repository when an optimistic version check fails: someone else changed the aggregate first.
 * Use cases catch it at their boundary and retry the whole unit of work.
 */
public class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String what) {
        super(what + " was changed concurrently");
    }
}
