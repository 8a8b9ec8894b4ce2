package ke.invoiceiq.adapters.whatsapp.inbound;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Hands the events of an acknowledged webhook to the use cases, off the request thread.
 *
 * <p>One webhook's events run as one task, in payload order (two messages of one person in one batch stay in
 * order); one event's failure is logged (kind and wamid only) and the next event still runs. The request's
 * correlation id (MDC {@value #MDC_KEY}, set by bootstrap's filter) is put back around the work on the worker
 * thread and removed after it, so the use cases' log lines and the messages they queue carry it.
 *
 * <p>The executor is the adapter's own: a few daemon threads ({@code waba.webhook.workers}, default 4) and a
 * bounded queue ({@code waba.webhook.queue}, default 1000 webhooks). It propagates no CDI request context on
 * purpose: the request is over by the time the work runs. A full queue refuses the webhook, and the resource
 * answers 503 so Meta delivers it again later. On shutdown the queued work is given a few seconds to finish.
 * De-duplication of redelivered wamids and monotonic statuses are the use cases' job, not this class's.
 */
@Singleton
public class WebhookDispatcher {

    static final String MDC_KEY = "correlationId";

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final long DRAIN_SECONDS = 5;

    private final HandleInboundMessageUseCase inbound;
    private final RecordDeliveryStatusUseCase statuses;
    private final ExecutorService ownExecutor;
    private final Executor executor;

    @Inject
    public WebhookDispatcher(HandleInboundMessageUseCase inbound, RecordDeliveryStatusUseCase statuses,
            @ConfigProperty(name = "waba.webhook.workers", defaultValue = "4") int workers,
            @ConfigProperty(name = "waba.webhook.queue", defaultValue = "1000") int queue) {
        this.inbound = inbound;
        this.statuses = statuses;
        this.ownExecutor = boundedExecutor(Math.max(1, workers), Math.max(1, queue));
        this.executor = ownExecutor;
    }

    /** For unit tests: runs on the given executor (a direct one runs the work at once). */
    WebhookDispatcher(HandleInboundMessageUseCase inbound, RecordDeliveryStatusUseCase statuses, Executor executor) {
        this.inbound = inbound;
        this.statuses = statuses;
        this.ownExecutor = null;
        this.executor = executor;
    }

    /**
     * Queues the events; false when the queue is full (nothing of this webhook will be processed).
     *
     * @param correlationId the request's correlation id, to restore on the worker thread
     */
    boolean submit(List<WebhookEvent> events, Optional<String> correlationId) {
        if (events.isEmpty()) {
            return true;
        }
        List<WebhookEvent> batch = List.copyOf(events);
        try {
            executor.execute(() -> process(batch, correlationId));
            return true;
        } catch (RejectedExecutionException full) {
            LOG.warnf("webhook processing queue is full: refused a webhook of %d events", batch.size());
            return false;
        }
    }

    private void process(List<WebhookEvent> events, Optional<String> correlationId) {
        correlationId.ifPresent(id -> MDC.put(MDC_KEY, id));
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
                int lost = ownExecutor.shutdownNow().size();
                LOG.warnf("stopped with %d webhooks not yet processed", lost);
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
