package ke.invoiceiq.application.payment;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceCursor;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;

/** An invoice store whose next updates lose an optimistic-lock race, as under a concurrent writer. */
final class ConflictingInvoices implements InvoiceRepository {

    private final InvoiceRepository real;
    private final AtomicInteger conflictsLeft = new AtomicInteger();

    ConflictingInvoices(InvoiceRepository real) {
        this.real = real;
    }

    void conflictTimes(int times) {
        conflictsLeft.set(times);
    }

    @Override
    public Invoice update(Invoice invoice) {
        if (conflictsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ConcurrentUpdateException("invoice " + invoice.id());
        }
        return real.update(invoice);
    }

    @Override
    public void add(Invoice invoice) {
        real.add(invoice);
    }

    @Override
    public Optional<Invoice> find(InvoiceId id) {
        return real.find(id);
    }

    @Override
    public Optional<Invoice> findByPayToken(PayToken token) {
        return real.findByPayToken(token);
    }

    @Override
    public List<Invoice> latest(Optional<InvoiceStatus> status, int limit) {
        return real.latest(status, limit);
    }

    @Override
    public List<Invoice> latest(Optional<InvoiceStatus> status, Optional<InvoiceCursor> after, int limit) {
        return real.latest(status, after, limit);
    }

    @Override
    public boolean exists(InvoiceId id) {
        return real.exists(id);
    }
}
