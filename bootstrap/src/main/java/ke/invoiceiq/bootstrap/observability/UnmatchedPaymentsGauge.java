package ke.invoiceiq.bootstrap.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import ke.invoiceiq.domain.payment.UnmatchedPayments;
import ke.invoiceiq.domain.shared.Transactions;
import org.jboss.logging.Logger;

/**
 * {@code invoiceiq_unmatched_payments_open}: money M-PESA reported that matches no invoice and nobody has applied
 * yet ({@link UnmatchedPayments#countOpen()}). Above zero means a merchant's money is waiting to be accounted for.
 * Counted by a scheduled job every {@code invoiceiq.metrics.unmatched-refresh} (default 15 s), never on a scrape,
 * like {@link OutboxPendingGauge}.
 */
@ApplicationScoped
@Startup
public class UnmatchedPaymentsGauge {

    /** Prometheus: {@code invoiceiq_unmatched_payments_open}. */
    static final String UNMATCHED_OPEN = "invoiceiq.unmatched.payments.open";

    private static final Logger LOG = Logger.getLogger(UnmatchedPaymentsGauge.class);

    private final UnmatchedPayments unmatched;
    private final Transactions transactions;
    private final AtomicLong open = new AtomicLong();

    @Inject
    public UnmatchedPaymentsGauge(UnmatchedPayments unmatched, Transactions transactions, MeterRegistry registry) {
        this.unmatched = unmatched;
        this.transactions = transactions;
        Gauge.builder(UNMATCHED_OPEN, open, AtomicLong::get)
                .description("M-PESA payments that match no invoice and are not applied yet, as of the last count")
                .strongReference(true)
                .register(registry);
    }

    @Scheduled(identity = "unmatched-payments-gauge", every = "${invoiceiq.metrics.unmatched-refresh}",
            concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            open.set(transactions.inTransaction(unmatched::countOpen));
        } catch (RuntimeException e) {
            LOG.warnf("could not count the open unmatched payments, the gauge keeps %d: %s", open.get(),
                    e.toString());
        }
    }

    /** The value the gauge shows. */
    long open() {
        return open.get();
    }
}
