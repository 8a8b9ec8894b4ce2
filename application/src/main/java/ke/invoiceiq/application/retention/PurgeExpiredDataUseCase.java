package ke.invoiceiq.application.retention;

/**
 * Driving port: the scheduler's retention purge (hourly). Deletes the transient data that outlived its
 * retention ({@link RetentionSettings}); business records (invoices, payments, customers) are never touched.
 * Safe to run on several instances at once: each delete is idempotent and the instances split the rows.
 */
public interface PurgeExpiredDataUseCase {

    PurgeReport purge();
}
