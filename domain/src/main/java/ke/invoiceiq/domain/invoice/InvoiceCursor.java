package ke.invoiceiq.domain.invoice;

import java.time.Instant;
import java.util.Objects;

/**
 * A position in the newest-first order of invoices ({@code created_at} descending, then {@code id} descending):
 * the last invoice of a page. The next page holds the invoices strictly after it in that order, so invoices
 * created meanwhile never shift a page and no invoice is listed twice or skipped.
 */
public record InvoiceCursor(Instant createdAt, InvoiceId id) {

    public InvoiceCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    /** The position of {@code invoice}: the next page starts after it. */
    public static InvoiceCursor after(Invoice invoice) {
        return new InvoiceCursor(invoice.createdAt(), invoice.id());
    }

    /** Whether {@code invoice} comes strictly after this position in the newest-first order. */
    public boolean precedes(Invoice invoice) {
        int byTime = invoice.createdAt().compareTo(createdAt);
        return byTime < 0 || (byTime == 0 && invoice.id().value().compareTo(id.value()) < 0);
    }
}
