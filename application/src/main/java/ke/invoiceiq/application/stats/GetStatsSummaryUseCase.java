package ke.invoiceiq.application.stats;

import ke.invoiceiq.domain.invoice.StatsSummary;

/** Driving port: the merchant's numbers (counts by status, conversion, time to pay). */
public interface GetStatsSummaryUseCase {

    StatsSummary summary();
}
