package ke.invoiceiq.application.invoice;

import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceCursor;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceStatus;

/** Driving port: what happened to one invoice, and the latest ones (chat {@code status}/{@code list}, REST, paged by cursor). */
public interface FindInvoicesUseCase {

    /** The most {@link #latest} returns at once. */
    int MAX_LIMIT = 100;

    Optional<Invoice> find(InvoiceId id);

    /** Newest first, optionally only one status; {@code limit} is 1 to {@link #MAX_LIMIT}. */
    List<Invoice> latest(Optional<InvoiceStatus> status, int limit);

    /**
     * One page of {@link #latest}: the invoices strictly after {@code after} (the first page when empty), at most
     * {@code limit} (1 to {@link #MAX_LIMIT}), with the cursor of the page after it when there is one.
     */
    InvoicePage page(Optional<InvoiceStatus> status, Optional<InvoiceCursor> after, int limit);
}
