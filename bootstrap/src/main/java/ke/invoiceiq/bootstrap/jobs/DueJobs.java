package ke.invoiceiq.bootstrap.jobs;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import ke.invoiceiq.application.due.DueRemindersReport;
import ke.invoiceiq.application.due.SendDailySummaryUseCase;
import ke.invoiceiq.application.due.SendDueRemindersUseCase;
import ke.invoiceiq.domain.shared.Tracing;
import org.jboss.logging.Logger;

/**
 * The jobs that run on due dates: automatic reminders and the merchant's daily summary (docs/chat-flow.md). Both are
 * safe on several instances at once: a reminder is one optimistic update of its invoice (the loser finds the step
 * done), the summary's day is claimed in the database. Their intervals are {@code invoiceiq.jobs.due-reminders-every}
 * and {@code invoiceiq.jobs.daily-summary-every}; {@code off} disables one (the tests drive the use cases).
 */
@ApplicationScoped
public class DueJobs {

    private static final Logger LOG = Logger.getLogger(DueJobs.class);

    private final SendDueRemindersUseCase reminders;
    private final SendDailySummaryUseCase summary;
    private final Tracing tracing;

    @Inject
    DueJobs(SendDueRemindersUseCase reminders, SendDailySummaryUseCase summary, Tracing tracing) {
        this.reminders = reminders;
        this.summary = summary;
        this.tracing = tracing;
    }

    private void tick(String job, Runnable work) {
        String id = "job-" + job + "-" + UUID.randomUUID().toString().substring(0, 8);
        tracing.withCorrelationId(Optional.of(id), (Supplier<Void>) () -> {
            work.run();
            return null;
        });
    }

    @Scheduled(identity = "due-reminders", every = "${invoiceiq.jobs.due-reminders-every}", delayed = "30s",
            concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendDueReminders() {
        tick("due-reminders", () -> {
            DueRemindersReport report = reminders.send();
            if (report.errors() > 0) {
                LOG.warnf("due reminders: %d invoices failed, tried again next run", report.errors());
            }
            if (report.reminded() > 0) {
                LOG.infof("due reminders: %s", report);
            }
        });
    }

    @Scheduled(identity = "daily-summary", every = "${invoiceiq.jobs.daily-summary-every}", delayed = "30s",
            concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendDailySummary() {
        tick("daily-summary", () -> {
            if (summary.send()) {
                LOG.info("daily summary queued to the merchant");
            }
        });
    }
}
