package ke.invoiceiq.domain.invoice;

import java.util.List;
import java.util.Optional;

/** Driven port: where invoices live. */
public interface InvoiceRepository {

    /** Stores a new invoice; its id and pay token are unique. */
    void add(Invoice invoice);

    /**
     * Stores the next state of an invoice read at {@code invoice.version()} and returns it at its new version.
     *
     * @throws ke.invoiceiq.domain.shared.ConcurrentUpdateException when it was changed since it was read
     */
    Invoice update(Invoice invoice);

    Optional<Invoice> find(InvoiceId id);

    Optional<Invoice> findByPayToken(PayToken token);

    /** The newest invoices first, optionally only those in one status. */
    default List<Invoice> latest(Optional<InvoiceStatus> status, int limit) {
        return latest(status, Optional.empty(), limit);
    }

    /**
     * One page of the newest-first order ({@code createdAt} descending, then {@code id} descending), optionally
     * only one status: at most {@code limit} invoices, all strictly after {@code after} when it is given.
     *
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    List<Invoice> latest(Optional<InvoiceStatus> status, Optional<InvoiceCursor> after, int limit);

    boolean exists(InvoiceId id);
}
