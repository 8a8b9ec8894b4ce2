package ke.invoiceiq.domain.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.payment.IdempotencyKey;

/**
 * Driven port: where invoices live, each with its payment attempts ({@link Invoice#payments()}): the aggregate is
 * read and written whole, under the invoice's version.
 */
public interface InvoiceRepository {

    /** Stores a new invoice (with no attempts yet); its id and pay token are unique. */
    default void add(Invoice invoice) {
        add(invoice, Optional.empty());
    }

    /**
     * Stores a new invoice (with no attempts yet) created by the request that carried {@code creationKey}; its id,
     * its pay token and a creation key are unique.
     *
     * @throws IllegalStateException when the id, the pay token or the creation key is taken
     */
    void add(Invoice invoice, Optional<IdempotencyKey> creationKey);

    /** The invoice created by the request that carried {@code creationKey}. */
    Optional<Invoice> findByCreationKey(IdempotencyKey creationKey);

    /**
     * Stores the next state of an invoice read at {@code invoice.version()}, its attempts with it (new ones added,
     * changed ones updated), and returns it at its new version.
     *
     * @throws ke.invoiceiq.domain.shared.ConcurrentUpdateException when it was changed since it was read, or an
     *         attempt's idempotency key was taken meanwhile by an attempt of another invoice
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

    /**
     * Open invoices (PENDING, SENT, FAILED) with a due date on or before {@code day}, by id ascending: at most
     * {@code limit}, all with an id strictly after {@code after} when it is given. For the automatic reminders and
     * the overdue numbers.
     *
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    List<Invoice> openDueBy(LocalDate day, Optional<InvoiceId> after, int limit);
}
