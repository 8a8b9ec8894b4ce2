package ke.invoiceiq.application.due;

/** What one run of the automatic reminders did: invoices looked at, reminders queued, invoices that failed. */
public record DueRemindersReport(int looked, int reminded, int errors) {
}
