package ke.invoiceiq.adapters.whatsapp.inbound;

import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import ke.invoiceiq.domain.messaging.StoredWebhook;
import ke.invoiceiq.domain.messaging.WebhookInbox;
import ke.invoiceiq.domain.shared.Transactions;
import org.jboss.logging.Logger;

/**
 * Processes the WhatsApp webhooks that were stored and acknowledged but never marked processed: the process
 * crashed or stopped in between, or the dispatcher's queue was full. Every {@code waba.webhook.sweep-every}
 * (default 15 s) it claims a batch of due webhooks from the {@link WebhookInbox} (in a transaction of its own, so
 * the lease is committed before the work starts) and processes them one by one through the
 * {@link WebhookDispatcher}, on the scheduler's thread.
 *
 * <p>A webhook is due once it is older than the {@linkplain #LEASE lease} of 60 s, far longer than the immediate
 * processing takes, so the sweeper does not race the dispatcher for a fresh webhook. Should it ever process one
 * twice, that is safe: messages are de-duplicated by the use case ({@code InboundEventLog.firstSeen}) and delivery
 * statuses only move forward.
 */
@Singleton
public class WebhookInboxSweeper {

    /** How long a claimed webhook is the sweeper's, and how old a webhook must be before it is swept. */
    static final Duration LEASE = Duration.ofSeconds(60);
    static final int BATCH = 50;

    private static final Logger LOG = Logger.getLogger(WebhookInboxSweeper.class);

    private final WebhookInbox inbox;
    private final Transactions transactions;
    private final WebhookDispatcher dispatcher;

    @Inject
    public WebhookInboxSweeper(WebhookInbox inbox, Transactions transactions, WebhookDispatcher dispatcher) {
        this.inbox = inbox;
        this.transactions = transactions;
        this.dispatcher = dispatcher;
    }

    @Scheduled(identity = "whatsapp-webhook-sweeper", every = "${waba.webhook.sweep-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            sweep(Instant.now());
        } catch (RuntimeException e) {
            LOG.errorf("sweeping the webhook inbox failed: %s", e.getClass().getName());
        }
    }

    /** Claims one batch of due webhooks at {@code now} and processes them; answers how many it processed. */
    int sweep(Instant now) {
        List<StoredWebhook> due = transactions.inTransaction(() -> inbox.claimDue(now, LEASE, BATCH));
        if (!due.isEmpty()) {
            LOG.warnf("processing %d stored WhatsApp webhooks left unprocessed", due.size());
        }
        for (StoredWebhook webhook : due) {
            dispatcher.process(webhook);
        }
        return due.size();
    }
}
