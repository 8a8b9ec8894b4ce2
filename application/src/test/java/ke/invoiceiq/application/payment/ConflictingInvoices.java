package ke.invoiceiq.application.payment;

import java.util.concurrent.atomic.AtomicInteger;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;

/** An invoice store whose next updates lose an optimistic-lock race, as under a concurrent writer. */
final class ConflictingInvoices extends ForwardingInvoices {

    private final AtomicInteger conflictsLeft = new AtomicInteger();

    ConflictingInvoices(InvoiceRepository real) {
        super(real);
    }

    void conflictTimes(int times) {
        conflictsLeft.set(times);
    }

    @Override
    public Invoice update(Invoice invoice) {
        if (conflictsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ConcurrentUpdateException("invoice " + invoice.id());
        }
        return super.update(invoice);
    }
}
