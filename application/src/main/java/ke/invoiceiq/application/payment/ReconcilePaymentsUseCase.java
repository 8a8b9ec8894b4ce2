package ke.invoiceiq.application.payment;

/**
 * Driving port, run by the scheduler: settles STK attempts whose callback never came (query, else expire),
 * and applies results that arrived before their attempt was known.
 */
public interface ReconcilePaymentsUseCase {

    ReconcileReport reconcile();
}
