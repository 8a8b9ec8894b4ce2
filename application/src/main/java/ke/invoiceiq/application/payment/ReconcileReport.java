package ke.invoiceiq.application.payment;

/**
 * What one reconciliation run did.
 *
 * @param queried         attempts asked about with an STK query
 * @param settled         attempts the query answer settled (paid or failed)
 * @param expired         attempts given up without an answer from M-PESA (outcome unknown, merchant told)
 * @param stillOpen       attempts left in flight for a later run
 * @param keptApplied     results waiting in the inbox that could be applied now
 * @param keptWaiting     results still waiting for an attempt to match
 * @param unmatched       money that matched no attempt, raised as unmatched payments
 * @param throttled       whether Daraja's rate limit stopped this run's queries
 * @param errors          attempts or results skipped because handling them failed; retried next run
 */
public record ReconcileReport(int queried, int settled, int expired, int stillOpen, int keptApplied,
        int keptWaiting, int unmatched, boolean throttled, int errors) {
}
