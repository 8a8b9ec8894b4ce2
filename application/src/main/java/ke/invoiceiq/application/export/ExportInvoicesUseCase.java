package ke.invoiceiq.application.export;

import java.util.function.Consumer;
import ke.invoiceiq.domain.export.ExportRange;
import ke.invoiceiq.domain.invoice.Invoice;

/**
 * Driving port: every invoice created in a range, with its payments, handed over one by one (newest first) so the
 * caller can write them out as they come and nothing holds the whole range in memory.
 */
public interface ExportInvoicesUseCase {

    /** @return how many invoices were handed over */
    long export(ExportRange range, Consumer<Invoice> each);
}
