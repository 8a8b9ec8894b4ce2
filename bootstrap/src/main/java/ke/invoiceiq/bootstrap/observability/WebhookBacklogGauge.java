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
import java.util.concurrent.atomic.AtomicReference;
import ke.invoiceiq.domain.messaging.WebhookInbox;
import ke.invoiceiq.domain.shared.Transactions;
import org.jboss.logging.Logger;

/**
 * {@code invoiceiq_webhook_backlog_age_seconds}: how long the oldest webhook that is stored but not processed yet
 * has been waiting ({@link WebhookInbox#oldestUnprocessed()}); 0 when every webhook is processed. A healthy
 * service shows well under a second; a backlog that is not worked off, or a webhook that keeps failing, makes it
 * grow. A scheduled job looks the oldest one up every {@code invoiceiq.metrics.webhook-backlog-refresh} (default
 * 15 s, {@code off} disables it) and a scrape only does the subtraction, so the database is never asked by a scrape,
 * and an age keeps growing between two counts (or while the count fails) instead of standing still. The same on
 * every instance: it is the whole database's oldest webhook.
 */
@ApplicationScoped
@Startup
public class WebhookBacklogGauge {

    /** Prometheus: {@code invoiceiq_webhook_backlog_age_seconds}. */
    static final String BACKLOG_AGE = "invoiceiq.webhook.backlog.age";

    private static final Logger LOG = Logger.getLogger(WebhookBacklogGauge.class);

    private final WebhookInbox inbox;
    private final Transactions transactions;
    private final Clock clock;
    private final AtomicReference<Optional<Instant>> oldest = new AtomicReference<>(Optional.empty());

    @Inject
    public WebhookBacklogGauge(WebhookInbox inbox, Transactions transactions, Clock clock, MeterRegistry registry) {
        this.inbox = inbox;
        this.transactions = transactions;
        this.clock = clock;
        Gauge.builder(BACKLOG_AGE, this, WebhookBacklogGauge::ageSeconds)
                .description("Seconds since the oldest stored but unprocessed webhook arrived (0: none), as of the"
                        + " last look")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    @Scheduled(identity = "webhook-backlog-gauge", every = "${invoiceiq.metrics.webhook-backlog-refresh}",
            concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            oldest.set(transactions.inTransaction(inbox::oldestUnprocessed));
        } catch (RuntimeException e) {
            LOG.warnf("could not look up the oldest unprocessed webhook, the gauge keeps counting from the last one:"
                    + " %s", e.toString());
        }
    }

    /** The value the gauge shows. */
    double ageSeconds() {
        return BacklogAge.secondsSince(oldest.get(), clock);
    }
}
