package ke.invoiceiq.application.invoice;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.Invoice;
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
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        return transactions.inTransaction(() -> invoices.latest(status, limit));
    }
}
