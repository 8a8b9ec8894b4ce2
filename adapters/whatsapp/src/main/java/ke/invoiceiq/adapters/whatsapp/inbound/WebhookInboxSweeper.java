package ke.invoiceiq.adapters.whatsapp.inbound;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.messaging.StoredWebhook;
import ke.invoiceiq.domain.messaging.WebhookInbox;
import ke.invoiceiq.domain.shared.Transactions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Processes the WhatsApp webhooks that were stored and acknowledged but are not in this instance's hands: a try
 * failed and its next try is due, the process crashed or stopped before it was done, or a full
 * {@link WebhookDispatcher} gave it back. It works on a thread of its own: it claims a batch of due webhooks from the
 * {@link WebhookInbox} (in a transaction of its own, so the lease is committed before the work starts), at most as
 * many as the dispatcher has room for, and hands them to the dispatcher, whose lanes keep each sender's order. While
 * it gets a full batch it claims again at once, so a backlog drains as fast as the dispatcher works it off, here and
 * on every other instance, oldest first. When the dispatcher is full, or a claim came back short while webhooks it
 * claimed are still in hand (one sender's later webhooks become due only as the older ones finish), every webhook
 * the dispatcher finishes wakes it. Otherwise, with nothing due, it rests {@code waba.webhook.sweep-every} (default
 * 5 s; {@code off} in tests that sweep by hand), or until the dispatcher tells it that it refused a webhook.
 *
 * <p>A webhook stored by an instance is leased to it for {@linkplain #LEASE 60 s}, far longer than its processing
 * takes, so no sweeper races the dispatcher for it. Should one ever be processed twice, that is safe: messages are
 * de-duplicated by the use case ({@code InboundEventLog.firstSeen}) and delivery statuses only move forward.
 */
@Singleton
public class WebhookInboxSweeper {

    /** How long a stored or claimed webhook belongs to the instance that holds it. */
    static final Duration LEASE = Duration.ofSeconds(60);
    static final int BATCH = 100;
    private static final Duration COALESCE = Duration.ofMillis(20);

    private static final Logger LOG = Logger.getLogger(WebhookInboxSweeper.class);

    private final WebhookInbox inbox;
    private final Transactions transactions;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;
    private final Optional<Duration> every;
    private volatile boolean running;
    private Thread thread;

    @Inject
    public WebhookInboxSweeper(WebhookInbox inbox, Transactions transactions, WebhookDispatcher dispatcher,
            Clock clock, @ConfigProperty(name = "waba.webhook.sweep-every", defaultValue = "5s") String every) {
        this.inbox = inbox;
        this.transactions = transactions;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.every = "off".equalsIgnoreCase(every.strip()) ? Optional.empty()
                : Optional.of(DurationConverter.parseDuration(every.strip()));
    }

    void start(@Observes StartupEvent started) {
        if (every.isEmpty()) {
            LOG.info("the WhatsApp webhook sweeper is off (waba.webhook.sweep-every=off)");
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("whatsapp-webhook-sweeper").start(this::loop);
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void loop() {
        Duration wait = every.orElseThrow();
        while (running) {
            try {
                boolean drained = sweepUntilDrainedOrBlocked();
                dispatcher.awaitSweepSignal(wait);
                if (!drained) {
                    // let a few more webhooks finish, so one claim takes what they unblocked
                    Thread.sleep(COALESCE.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf("sweeping the webhook inbox failed: %s", e.getClass().getName());
                try {
                    dispatcher.awaitSweepSignal(wait);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Sweeps while every claim comes back full. False when the dispatcher is full, or when a claim came back short
     * while webhooks it claimed are still in hand (a sender's later webhooks are not claimed while an older one is
     * being processed, so they become due as those finish): then every finished webhook wakes the sweeper. True when
     * the inbox has nothing due.
     */
    private boolean sweepUntilDrainedOrBlocked() {
        while (running) {
            int asked = Math.min(dispatcher.room(), BATCH);
            if (asked < refillAt()) {
                dispatcher.wakeSweeperOnEveryFinish();
                releaseRefused();
                return false;
            }
            if (sweep(clock.instant()) == asked) {
                continue;
            }
            dispatcher.wakeSweeperOnEveryFinish();
            if (dispatcher.sweptInFlight() > 0) {
                return false;
            }
            if (sweep(clock.instant()) == 0) {
                // nothing due and nothing in hand that could hold anything back
                dispatcher.backlogDrained();
                return true;
            }
        }
        return true;
    }

    /** Other instances may take what this one refused at once, rather than when the lease runs out. */
    private void releaseRefused() {
        List<Long> refused = dispatcher.takeRefused();
        if (!refused.isEmpty()) {
            transactions.run(() -> inbox.release(refused));
        }
    }

    /** Claiming a handful at a time would cost a claim per webhook: wait until half a batch fits. */
    private int refillAt() {
        return Math.max(1, Math.min(BATCH, dispatcher.capacity()) / 2);
    }

    /**
     * Gives back the leases of webhooks the dispatcher refused, then claims as many due webhooks at {@code now} as
     * the dispatcher has room for (at most a batch) and hands them over; answers how many it claimed.
     */
    int sweep(Instant now) {
        releaseRefused();
        int room = Math.min(dispatcher.room(), BATCH);
        if (room <= 0) {
            return 0;
        }
        List<StoredWebhook> due = transactions.inTransaction(() -> inbox.claimDue(now, LEASE, room));
        if (!due.isEmpty()) {
            LOG.infof("claimed %d stored WhatsApp webhooks to process", due.size());
        }
        for (StoredWebhook webhook : due) {
            dispatcher.submit(webhook);
        }
        return due.size();
    }
}
