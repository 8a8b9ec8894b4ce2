package ke.invoiceiq.domain.invoice;

/** Driven port: the numbers a merchant watches, computed where the data is. */
public interface InvoiceStatistics {

    StatsSummary summarize();
}
