package ke.invoiceiq.bootstrap.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.shared.Transactions;
import org.jboss.logging.Logger;

/**
 * {@code invoiceiq_outbox_pending}: outbound messages not sent or failed yet ({@link Outbox#countPending()}), and
 * {@code invoiceiq_outbox_oldest_age_seconds}: how long the oldest of them has waited since it was queued
 * ({@link Outbox#oldestPendingSince()}; 0 when there is none). A scrape never touches the database: a scheduled job
 * looks every {@code invoiceiq.metrics.outbox-refresh} (default 15 s, e.g.
 * {@code INVOICEIQ_METRICS_OUTBOX_REFRESH=30s}; {@code off} disables it), the count gauge reads the last count (so
 * it may lag by that much) and the age is
 * computed at the scrape from the last oldest message found, so it keeps growing between two looks. The job first
 * runs right after startup; until then both read 0. A look that fails leaves the last values in place (and logs a
 * warning). The whole database's outbox: the same on every instance.
 */
@ApplicationScoped
@Startup
public class OutboxPendingGauge {

    /** Prometheus: {@code invoiceiq_outbox_pending}. */
    static final String OUTBOX_PENDING = "invoiceiq.outbox.pending";
    /** Prometheus: {@code invoiceiq_outbox_oldest_age_seconds}. */
    static final String OUTBOX_OLDEST_AGE = "invoiceiq.outbox.oldest.age";

    private static final Logger LOG = Logger.getLogger(OutboxPendingGauge.class);

    /** What one look found. */
    private record Look(long pending, Optional<Instant> oldest) {
    }

    private final Outbox outbox;
    private final Transactions transactions;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Optional<Instant>> oldest = new AtomicReference<>(Optional.empty());

    @Inject
    public OutboxPendingGauge(Outbox outbox, Transactions transactions, Clock clock, MeterRegistry registry) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        Gauge.builder(OUTBOX_PENDING, pending, AtomicLong::get)
                .description("Outbound messages waiting to be sent (PENDING or being sent), as of the last count")
                .strongReference(true)
                .register(registry);
        Gauge.builder(OUTBOX_OLDEST_AGE, this, OutboxPendingGauge::oldestAgeSeconds)
                .description("Seconds since the oldest outbound message not sent or failed yet was queued (0: none),"
                        + " as of the last look")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    @Scheduled(identity = "outbox-pending-gauge", every = "${invoiceiq.metrics.outbox-refresh}",
            concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            Look look = transactions.inTransaction(() -> new Look(outbox.countPending(), outbox.oldestPendingSince()));
            pending.set(look.pending());
            oldest.set(look.oldest());
        } catch (RuntimeException e) {
            LOG.warnf("could not look at the pending outbox messages, the gauges keep %d and the last oldest one: %s",
                    pending.get(), e.toString());
        }
    }

    /** The value the count gauge shows. */
    long pending() {
        return pending.get();
    }

    /** The value the age gauge shows. */
    double oldestAgeSeconds() {
        return BacklogAge.secondsSince(oldest.get(), clock);
    }
}
