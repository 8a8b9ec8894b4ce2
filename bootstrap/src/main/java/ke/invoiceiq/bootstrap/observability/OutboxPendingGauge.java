package ke.invoiceiq.bootstrap.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.shared.Transactions;
import org.jboss.logging.Logger;

/**
 * {@code invoiceiq_outbox_pending}: outbound messages not sent or failed yet ({@link Outbox#countPending()}).
 * A scrape never touches the database: a scheduled job counts every {@code invoiceiq.metrics.outbox-refresh}
 * (default 15 s, e.g. {@code INVOICEIQ_METRICS_OUTBOX_REFRESH=30s}; {@code off} disables it) and the gauge reads
 * the last count, so the value may lag by that much. The job first runs right after startup; until then the
 * gauge reads 0. A count that fails leaves the last value in place (and logs a warning).
 */
@ApplicationScoped
@Startup
public class OutboxPendingGauge {

    /** Prometheus: {@code invoiceiq_outbox_pending}. */
    static final String OUTBOX_PENDING = "invoiceiq.outbox.pending";

    private static final Logger LOG = Logger.getLogger(OutboxPendingGauge.class);

    private final Outbox outbox;
    private final Transactions transactions;
    private final AtomicLong pending = new AtomicLong();

    @Inject
    public OutboxPendingGauge(Outbox outbox, Transactions transactions, MeterRegistry registry) {
        this.outbox = outbox;
        this.transactions = transactions;
        Gauge.builder(OUTBOX_PENDING, pending, AtomicLong::get)
                .description("Outbound messages waiting to be sent (PENDING or being sent), as of the last count")
                .strongReference(true)
                .register(registry);
    }

    @Scheduled(identity = "outbox-pending-gauge", every = "${invoiceiq.metrics.outbox-refresh}",
            concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            pending.set(transactions.inTransaction(outbox::countPending));
        } catch (RuntimeException e) {
            LOG.warnf("could not count the pending outbox messages, the gauge keeps %d: %s", pending.get(),
                    e.toString());
        }
    }

    /** The value the gauge shows. */
    long pending() {
        return pending.get();
    }
}
