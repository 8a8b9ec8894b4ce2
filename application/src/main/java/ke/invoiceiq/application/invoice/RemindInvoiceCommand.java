package ke.invoiceiq.application.invoice;

import java.util.Objects;
import ke.invoiceiq.domain.invoice.InvoiceId;

/** Nudge the customer about one invoice again. */
public record RemindInvoiceCommand(InvoiceId invoiceId) {
    public RemindInvoiceCommand {
        Objects.requireNonNull(invoiceId, "invoiceId");
    }
}
