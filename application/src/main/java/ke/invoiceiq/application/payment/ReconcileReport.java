package ke.invoiceiq.application.payment;

/**
 * What one reconciliation run did.
 *
 * @param queried         attempts asked about with an STK query
 * @param settled         attempts the query answer settled (paid or failed)
 * @param expired         attempts given up as EXPIRED, customer and merchant told
 * @param stillOpen       attempts left INITIATED for a later run
 * @param keptApplied     results waiting in the inbox that could be applied now
 * @param keptWaiting     results still waiting for an attempt with their CheckoutRequestID
 * @param errors          attempts or results skipped because handling them failed; retried next run
 */
public record ReconcileReport(int queried, int settled, int expired, int stillOpen, int keptApplied,
        int keptWaiting, int errors) {
}
