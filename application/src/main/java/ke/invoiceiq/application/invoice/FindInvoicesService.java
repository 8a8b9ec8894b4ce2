package ke.invoiceiq.application.invoice;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceCursor;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.shared.Transactions;

/** Reads invoices; changes nothing. */
public final class FindInvoicesService implements FindInvoicesUseCase {

    private final InvoiceRepository invoices;
    private final Transactions transactions;

    public FindInvoicesService(InvoiceRepository invoices, Transactions transactions) {
        this.invoices = invoices;
        this.transactions = transactions;
    }

    @Override
    public Optional<Invoice> find(InvoiceId id) {
        Objects.requireNonNull(id, "id");
        return transactions.inTransaction(() -> invoices.find(id));
    }

    @Override
    public List<Invoice> latest(Optional<InvoiceStatus> status, int limit) {
        Objects.requireNonNull(status, "status");
        requireLimit(limit);
        return transactions.inTransaction(() -> invoices.latest(status, limit));
    }

    /** Reads one invoice more than asked: whether it exists decides if there is a next page. */
    @Override
    public InvoicePage page(Optional<InvoiceStatus> status, Optional<InvoiceCursor> after, int limit) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(after, "after");
        requireLimit(limit);
        List<Invoice> found = transactions.inTransaction(() -> invoices.latest(status, after, limit + 1));
        if (found.size() <= limit) {
            return new InvoicePage(found, Optional.empty());
        }
        List<Invoice> items = found.subList(0, limit);
        return new InvoicePage(items, Optional.of(InvoiceCursor.after(items.getLast())));
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }
}
