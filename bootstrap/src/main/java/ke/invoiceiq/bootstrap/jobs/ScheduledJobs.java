package ke.invoiceiq.bootstrap.jobs;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import ke.invoiceiq.application.chat.ExpireChatSessionsReport;
import ke.invoiceiq.application.chat.ExpireChatSessionsUseCase;
import ke.invoiceiq.application.messaging.DispatchOutboxUseCase;
import ke.invoiceiq.application.messaging.DispatchReport;
import ke.invoiceiq.application.payment.ReconcilePaymentsUseCase;
import ke.invoiceiq.application.payment.ReconcileReport;
import ke.invoiceiq.application.retention.PurgeExpiredDataUseCase;
import ke.invoiceiq.application.retention.PurgeReport;
import ke.invoiceiq.application.settings.DispatchSettings;
import ke.invoiceiq.domain.shared.Tracing;
import org.jboss.logging.Logger;

/**
 * The service's clockwork: each job calls one use case. {@code SKIP} keeps a slow run from overlapping the next
 * on this instance; across instances every job is safe by construction of its use case (the outbox claim takes
 * rows with {@code FOR UPDATE SKIP LOCKED}, chat sessions and invoices change under optimistic locking, a
 * second reconciler's answer for the same attempt loses its version check and is dropped, a purge deletes what
 * another already deleted without complaint). The intervals are
 * {@code invoiceiq.jobs.*} keys; {@code off} disables a job (the tests drive the use cases themselves). No tick
 * starts while the application is starting or stopping: a job cut off by shutdown would fail half-way.
 */
@ApplicationScoped
public class ScheduledJobs {

    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class);

    /** A backlog is drained in a few batches per tick, but one tick never runs unbounded. */
    static final int MAX_BATCHES_PER_TICK = 10;

    private final DispatchOutboxUseCase dispatch;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean drainAgain = new AtomicBoolean();
    private final ExpireChatSessionsUseCase chatExpiry;
    private final ReconcilePaymentsUseCase reconcile;
    private final PurgeExpiredDataUseCase purge;
    private final DispatchSettings dispatchSettings;
    private final Tracing tracing;

    @Inject
    ScheduledJobs(DispatchOutboxUseCase dispatch, ExpireChatSessionsUseCase chatExpiry,
            ReconcilePaymentsUseCase reconcile, PurgeExpiredDataUseCase purge, DispatchSettings dispatchSettings,
            Tracing tracing) {
        this.dispatch = dispatch;
        this.chatExpiry = chatExpiry;
        this.reconcile = reconcile;
        this.purge = purge;
        this.dispatchSettings = dispatchSettings;
        this.tracing = tracing;
    }

    /**
     * Each tick is a unit of work of its own, like a request: its log lines, and the messages it queues (a chat
     * nudge, a payment notice), carry one id, e.g. {@code job-chat-expiry-3f2c1a9e}.
     */
    private void tick(String job, Runnable work) {
        String id = "job-" + job + "-" + UUID.randomUUID().toString().substring(0, 8);
        tracing.withCorrelationId(Optional.of(id), (Supplier<Void>) () -> {
            work.run();
            return null;
        });
    }

    /**
     * Retries and their backoff live in the outbox rows ({@code next_attempt_at}); a tick only takes what is due.
     * Besides this poll, {@link OutboxWakeUp} calls it when a unit of work that queued a message commits. One drain
     * runs at a time on an instance: a call while one runs asks it to drain once more and returns, so a message
     * queued after that drain's last claim is not left for the next poll.
     */
    @Scheduled(identity = "outbox-dispatch", every = "${invoiceiq.jobs.dispatch-every}",
            concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchOutbox() {
        drainAgain.set(true);
        while (drainAgain.get() && draining.compareAndSet(false, true)) {
            try {
                drainAgain.set(false);
                tick("dispatch", this::drainOutbox);
            } finally {
                draining.set(false);
            }
        }
    }

    private void drainOutbox() {
        for (int batch = 0; batch < MAX_BATCHES_PER_TICK; batch++) {
            DispatchReport report = dispatch.dispatch();
            if (report.claimed() > 0) {
                LOG.debugf("outbox dispatch: %s", report);
            }
            if (report.errors() > 0 || report.failed() > 0) {
                LOG.warnf("outbox dispatch: %d failed for good, %d left for a retry after an error",
                        report.failed(), report.errors());
            }
            if (report.claimed() < dispatchSettings.batchSize()) {
                return;
            }
        }
    }

    @Scheduled(identity = "chat-expiry", every = "${invoiceiq.jobs.chat-expiry-every}",
            concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expireChatSessions() {
        tick("chat-expiry", this::expireQuietChats);
    }

    private void expireQuietChats() {
        ExpireChatSessionsReport report = chatExpiry.expire();
        if (report.nudged() + report.closed() > 0) {
            LOG.debugf("chat expiry: %s", report);
        }
    }

    @Scheduled(identity = "payment-reconciliation", every = "${invoiceiq.jobs.reconcile-every}",
            concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reconcilePayments() {
        tick("reconcile", this::reconcileUnanswered);
    }

    private void reconcileUnanswered() {
        ReconcileReport report = reconcile.reconcile();
        if (report.errors() > 0) {
            LOG.warnf("payment reconciliation: %d attempts or results failed, retried next run", report.errors());
        }
        if (report.unmatched() > 0) {
            LOG.warnf("payment reconciliation: %d M-PESA payments match no attempt; raised as unmatched payments",
                    report.unmatched());
        }
        if (report.throttled()) {
            LOG.warn("payment reconciliation: Daraja throttled the STK queries; the rest wait for the next run");
        }
        if (report.queried() + report.expired() + report.keptApplied() + report.unmatched() > 0) {
            LOG.infof("payment reconciliation: %s", report);
        }
    }

    /** docs/data-retention.md: what is deleted after how long. */
    @Scheduled(identity = "retention-purge", every = "${invoiceiq.jobs.retention-every}", delayed = "1m",
            concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeExpiredData() {
        tick("retention", this::purgeOnce);
    }

    private void purgeOnce() {
        PurgeReport report = purge.purge();
        if (report.failures() > 0) {
            LOG.warnf("retention purge: %d kinds of data failed, retried next run", report.failures());
        }
        if (report.total() > 0) {
            LOG.infof("retention purge: %s", report);
        }
    }
}
