package ke.invoiceiq.application.export;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import ke.invoiceiq.domain.export.ExportRange;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceCursor;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Walks the range newest first with the invoice list's own keyset pages ({@link InvoiceRepository#latest} after a
 * cursor), {@link #BATCH} invoices a page, each page its own short read transaction: memory stays one page however
 * long the range, and no transaction stays open while the caller writes to a slow client. The walk starts just
 * below {@code to} (the smallest id at that instant: {@code to} itself is excluded) and stops at the first invoice
 * created before {@code from}.
 */
public final class ExportInvoicesService implements ExportInvoicesUseCase {

    static final int BATCH = 200;

    /** Sorts below every real id in the newest-first order, so a cursor at {@code to} skips all created at {@code to}. */
    private static final InvoiceId LOWEST = new InvoiceId("INV-000000");

    private final InvoiceRepository invoices;
    private final Transactions transactions;

    public ExportInvoicesService(InvoiceRepository invoices, Transactions transactions) {
        this.invoices = Objects.requireNonNull(invoices, "invoices");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public long export(ExportRange range, Consumer<Invoice> each) {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(each, "each");
        InvoiceCursor cursor = new InvoiceCursor(range.to(), LOWEST);
        long handed = 0;
        while (true) {
            InvoiceCursor after = cursor;
            List<Invoice> page = transactions.inTransaction(
                    () -> invoices.latest(Optional.empty(), Optional.of(after), BATCH));
            for (Invoice invoice : page) {
                if (invoice.createdAt().isBefore(range.from())) {
                    return handed;
                }
                each.accept(invoice);
                handed++;
            }
            if (page.size() < BATCH) {
                return handed;
            }
            cursor = InvoiceCursor.after(page.getLast());
        }
    }
}
