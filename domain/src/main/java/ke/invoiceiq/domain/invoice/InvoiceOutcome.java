package ke.invoiceiq.domain.invoice;

import java.util.Objects;

/** What an invoice made of a request: it changed (with the event that says how), nothing to do, or no. */
public sealed interface InvoiceOutcome {

    Invoice invoice();

    record Applied(Invoice invoice, InvoiceEvent event) implements InvoiceOutcome {
        public Applied {
            Objects.requireNonNull(invoice, "invoice");
            Objects.requireNonNull(event, "event");
        }
    }

    record Unchanged(Invoice invoice) implements InvoiceOutcome {
    }

    record Refused(Invoice invoice, Refusal refusal) implements InvoiceOutcome {
    }
}
