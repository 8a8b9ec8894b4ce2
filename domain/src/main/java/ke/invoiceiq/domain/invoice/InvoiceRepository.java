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
    List<Invoice> latest(Optional<InvoiceStatus> status, int limit);

    boolean exists(InvoiceId id);
}
