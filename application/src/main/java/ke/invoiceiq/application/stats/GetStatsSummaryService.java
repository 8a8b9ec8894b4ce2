package ke.invoiceiq.application.stats;

import ke.invoiceiq.domain.invoice.InvoiceStatistics;
import ke.invoiceiq.domain.invoice.StatsSummary;
import ke.invoiceiq.domain.shared.Transactions;

public final class GetStatsSummaryService implements GetStatsSummaryUseCase {

    private final InvoiceStatistics statistics;
    private final Transactions transactions;

    public GetStatsSummaryService(InvoiceStatistics statistics, Transactions transactions) {
        this.statistics = statistics;
        this.transactions = transactions;
    }

    @Override
    public StatsSummary summary() {
        return transactions.inTransaction(statistics::summarize);
    }
}
