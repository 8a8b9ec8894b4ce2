package ke.invoiceiq.domain.invoice;

import java.time.Instant;
import ke.invoiceiq.domain.due.DayCounts;

/** Driven port: the numbers a merchant watches, computed where the data is. */
public interface InvoiceStatistics {

    StatsSummary summarize();

    /** Invoices created in [{@code from}, {@code to}), and invoices that became PAID in it. */
    DayCounts between(Instant from, Instant to);
}
