package ke.invoiceiq.application.payment;

import java.util.function.Predicate;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceRepository;

/** An invoice store that fails the updates it is told to, the way a database that went away does. */
final class FailingInvoices extends ForwardingInvoices {

    private volatile Predicate<Invoice> failing = invoice -> false;

    FailingInvoices(InvoiceRepository real) {
        super(real);
    }

    /** Every update that stores such an invoice fails from now on. */
    void failUpdatesOf(Predicate<Invoice> which) {
        failing = which;
    }

    @Override
    public Invoice update(Invoice invoice) {
        if (failing.test(invoice)) {
            throw new IllegalStateException("connection to the database lost");
        }
        return super.update(invoice);
    }
}
