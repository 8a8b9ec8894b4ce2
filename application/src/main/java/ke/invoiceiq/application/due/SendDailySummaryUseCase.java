package ke.invoiceiq.application.due;

/** Driving port, for the scheduled job: the merchant's daily summary, once a day at the configured hour. */
public interface SendDailySummaryUseCase {

    /** True when this call queued today's summary; false before the hour, when none is configured, or already sent. */
    boolean send();
}
