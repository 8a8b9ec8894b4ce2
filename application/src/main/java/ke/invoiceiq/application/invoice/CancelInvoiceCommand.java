package ke.invoiceiq.application.invoice;

import java.util.Objects;
import ke.invoiceiq.domain.invoice.InvoiceId;

/** The merchant calls an invoice off. */
public record CancelInvoiceCommand(InvoiceId invoiceId) {
    public CancelInvoiceCommand {
        Objects.requireNonNull(invoiceId, "invoiceId");
    }
}
