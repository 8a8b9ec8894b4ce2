package ke.invoiceiq.application.invoice;

import java.util.Objects;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.PaidOutside;

/** An operator records that an invoice was paid outside M-PESA Express, how, with a note. */
public record MarkInvoicePaidCommand(InvoiceId invoiceId, PaidOutside.Method method, String note) {
    public MarkInvoicePaidCommand {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(method, "method");
        if (!PaidOutside.isNote(note)) {
            throw new IllegalArgumentException("not a note PaidOutside can keep");
        }
    }
}
