package ke.invoiceiq.adapters.whatsapp.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import ke.invoiceiq.application.inbound.HandleInboundMessageUseCase;
import ke.invoiceiq.application.messaging.RecordDeliveryStatusUseCase;
import ke.invoiceiq.domain.messaging.StoredWebhook;
import ke.invoiceiq.domain.messaging.WebhookInbox;
import ke.invoiceiq.domain.shared.Transactions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Hands the events of a stored webhook ({@link WebhookInbox}) to the use cases, then marks the webhook processed
 * (in a transaction of its own).
 *
 * <p>Two ways in: {@link #submit} runs a webhook the resource has just stored, off the request thread, with the
 * events it has parsed already; {@link #process} parses and runs a webhook the {@link WebhookInboxSweeper} has
 * claimed, on the caller's thread. Either way one webhook's events run in payload order (two messages of one person
 * in one batch stay in order); one event's failure is logged (kind and wamid only) and the next event still runs.
 * The correlation id of the request that brought the webhook (MDC {@value #MDC_KEY}) is put back around the work
 * and removed after it, so the use cases' log lines and the messages they queue carry it.
 *
 * <p>The executor is the adapter's own: a few daemon threads ({@code waba.webhook.workers}, default 4) and a
 * bounded queue ({@code waba.webhook.queue}, default 1000 webhooks). It propagates no CDI request context on
 * purpose: the request is over by the time the work runs. A full queue refuses the webhook; it is stored already,
 * so the sweeper processes it once its lease has passed. On shutdown the queued work is given a few seconds to
 * finish; whatever is left is in the inbox, unprocessed, for the sweeper after the restart.
 *
 * <p>A webhook may thus be processed twice (a crash after the use cases ran but before it was marked processed,
 * or a queue slower than the sweeper's lease). That is safe: redelivered wamids are de-duplicated by the use case
 * ({@code InboundEventLog.firstSeen}) and delivery statuses only move forward ({@code RecordDeliveryStatus}).
 */
@Singleton
public class WebhookDispatcher {

    static final String MDC_KEY = "correlationId";

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final long DRAIN_SECONDS = 5;

    private final HandleInboundMessageUseCase inbound;
    private final RecordDeliveryStatusUseCase statuses;
    private final WebhookInbox inbox;
    private final Transactions transactions;
    private final WebhookPayloadParser parser;
    private final ExecutorService ownExecutor;
    private final Executor executor;

    @Inject
    public WebhookDispatcher(HandleInboundMessageUseCase inbound, RecordDeliveryStatusUseCase statuses,
            WebhookInbox inbox, Transactions transactions, ObjectMapper json,
            @ConfigProperty(name = "waba.phone-id") Optional<String> businessPhoneId,
            @ConfigProperty(name = "waba.webhook.workers", defaultValue = "4") int workers,
            @ConfigProperty(name = "waba.webhook.queue", defaultValue = "1000") int queue) {
        this.inbound = inbound;
        this.statuses = statuses;
        this.inbox = inbox;
        this.transactions = transactions;
        this.parser = new WebhookPayloadParser(json, businessPhoneId);
        this.ownExecutor = boundedExecutor(Math.max(1, workers), Math.max(1, queue));
        this.executor = ownExecutor;
    }

    /** For unit tests: runs on the given executor (a direct one runs the work at once). */
    WebhookDispatcher(HandleInboundMessageUseCase inbound, RecordDeliveryStatusUseCase statuses, WebhookInbox inbox,
            Transactions transactions, WebhookPayloadParser parser, Executor executor) {
        this.inbound = inbound;
        this.statuses = statuses;
        this.inbox = inbox;
        this.transactions = transactions;
        this.parser = parser;
        this.ownExecutor = null;
        this.executor = executor;
    }

    /**
     * Queues a webhook just stored, with its parsed events; false when the queue is full (the webhook then waits in
     * the inbox for the sweeper).
     */
    boolean submit(StoredWebhook stored, List<WebhookEvent> events) {
        List<WebhookEvent> batch = List.copyOf(events);
        try {
            executor.execute(() -> handle(stored, batch));
            return true;
        } catch (RejectedExecutionException full) {
            LOG.warnf("webhook processing queue is full: webhook %d (%d events) is left to the sweeper", stored.id(),
                    batch.size());
            return false;
        }
    }

    /** Parses a stored webhook, hands its events on and marks it processed, on the caller's thread. */
    void process(StoredWebhook stored) {
        List<WebhookEvent> events;
        try {
            events = parser.parse(stored.body(), stored.receivedAt()).events();
        } catch (MalformedWebhookException e) {
            // the resource stores only bodies that parse: this one never will, so it is done with
            LOG.warnf("stored webhook %d could not be read (%s); nothing handed on", stored.id(), e.getMessage());
            events = List.of();
        }
        handle(stored, events);
    }

    private void handle(StoredWebhook stored, List<WebhookEvent> events) {
        stored.correlationId().ifPresent(id -> MDC.put(MDC_KEY, id));
        try {
            for (WebhookEvent event : events) {
                try {
                    switch (event) {
                        case WebhookEvent.Message m -> inbound.handle(m.message());
                        case WebhookEvent.Status s -> statuses.record(s.report());
                    }
                } catch (RuntimeException e) {
                    // the exception's message could quote the payload: log its type only
                    LOG.errorf("handling a webhook %s failed for %s: %s", event.kind(),
                            WebhookPayloadParser.loggableId(event.wamid()), e.getClass().getName());
                }
            }
            try {
                transactions.run(() -> inbox.markProcessed(stored.id(), Instant.now()));
            } catch (RuntimeException e) {
                LOG.errorf("could not mark webhook %d processed (%s); the sweeper will process it again", stored.id(),
                        e.getClass().getName());
            }
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    @PreDestroy
    void shutdown() {
        if (ownExecutor == null) {
            return;
        }
        ownExecutor.shutdown();
        try {
            if (!ownExecutor.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                int left = ownExecutor.shutdownNow().size();
                LOG.warnf("stopped with %d webhooks not yet processed; they stay in the inbox for the sweeper", left);
            }
        } catch (InterruptedException e) {
            ownExecutor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ExecutorService boundedExecutor(int workers, int queue) {
        var counter = new AtomicInteger();
        return new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                task -> {
                    Thread t = new Thread(task, "whatsapp-webhook-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }
}
