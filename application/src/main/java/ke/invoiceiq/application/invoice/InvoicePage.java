package ke.invoiceiq.application.invoice;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceCursor;

/**
 * One page of invoices, newest first. {@code next} is where the following page starts, present only when there
 * is at least one more invoice after this page (so the last page never points at an empty one).
 */
public record InvoicePage(List<Invoice> items, Optional<InvoiceCursor> next) {

    public InvoicePage {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }
}
