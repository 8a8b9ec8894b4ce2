package ke.invoiceiq.adapters.whatsapp.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.DurationConverter;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import ke.invoiceiq.application.inbound.HandleInboundMessageUseCase;
import ke.invoiceiq.application.inbound.InboundMessage;
import ke.invoiceiq.application.messaging.RecordDeliveryStatusUseCase;
import ke.invoiceiq.domain.messaging.StoredWebhook;
import ke.invoiceiq.domain.messaging.WebhookInbox;
import ke.invoiceiq.domain.shared.Transactions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Hands the events of a stored webhook ({@link WebhookInbox}) to the use cases, then marks the webhook processed, or
 * failed (to be tried again later), or given up.
 *
 * <h2>Order</h2>
 * Every webhook goes to a lane ({@link SerialLanes}): the lane of its sender ({@link StoredWebhook#senders()}), or
 * a lane of its own for statuses only. One sender's webhooks therefore run one at a time, in the order they were
 * stored or claimed, on whichever thread, and a webhook's events run in payload order. Before a sender's webhook
 * runs, the inbox is asked whether an older one of the same sender is still unprocessed ({@link WebhookInbox#begin}:
 * it failed and waits for its next try, or another instance holds it); then this one waits too, and a later claim
 * takes it in order.
 *
 * <h2>Threads</h2>
 * A few ordinary threads ({@code waba.webhook.workers}, default 4) run most webhooks. A webhook with a message that
 * may wait on a payment provider (a Pay tap: the STK push can take 20 s;
 * {@link HandleInboundMessageUseCase#mayWaitOnProvider}) runs on a virtual thread of its own instead, so it holds up
 * nobody but its own sender. At most
 * {@code waba.webhook.queue} webhooks (default 1000) are held; a full dispatcher refuses the webhook, which is
 * stored already, gives its lease back at once and tells the {@link WebhookInboxSweeper} to claim it as soon as
 * there is room (here or on another instance). The executors propagate no CDI request context on purpose: the
 * request is over by the time the work runs. The correlation id of the request that brought the webhook (MDC
 * {@value #MDC_KEY}) is put back around the work and removed after it, so the use cases' log lines and the messages
 * they queue carry it.
 *
 * <h2>Failures</h2>
 * An event that throws is logged (kind, wamid and the exception's class only); the later events still run, except
 * the later messages of the same sender (they are kept for the retry, so the sender's order holds). A webhook with a
 * failed event is not marked processed: it is tried again after {@code waba.webhook.retry-after} (default 10 s),
 * doubling with every failure (at most {@value #MAX_BACKOFF_MINUTES} minutes), up to {@code waba.webhook.attempts}
 * tries (default 5). What was handled in an earlier try is not handled again (the use case de-duplicates messages by
 * wamid; statuses only move forward). When the last try fails, each sender whose message could not be handled is
 * asked to send it again ({@link HandleInboundMessageUseCase#giveUp}, counted in the metrics) and the webhook is
 * marked given up.
 *
 * <p>On shutdown the held work is given a few seconds to finish; the leases of whatever is left are given back, so
 * another instance's sweeper takes those webhooks at once.
 */
@Singleton
public class WebhookDispatcher {

    static final String MDC_KEY = "correlationId";
    static final long MAX_BACKOFF_MINUTES = 10;

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final long DRAIN_SECONDS = 5;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(MAX_BACKOFF_MINUTES);

    private final HandleInboundMessageUseCase inbound;
    private final RecordDeliveryStatusUseCase statuses;
    private final WebhookInbox inbox;
    private final Transactions transactions;
    private final WebhookPayloadParser parser;
    private final Clock clock;
    private final int attempts;
    private final Duration retryAfter;
    private final List<ExecutorService> ownExecutors;
    private final SerialLanes lanes;
    private final ConcurrentLinkedQueue<Long> refused = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean backlog = new AtomicBoolean();
    private final AtomicInteger sweptInFlight = new AtomicInteger();
    private final Object signal = new Object();
    private boolean signalled;

    @Inject
    public WebhookDispatcher(HandleInboundMessageUseCase inbound, RecordDeliveryStatusUseCase statuses,
            WebhookInbox inbox, Transactions transactions, ObjectMapper json, Clock clock,
            @ConfigProperty(name = "waba.phone-id") Optional<String> businessPhoneId,
            @ConfigProperty(name = "waba.webhook.workers", defaultValue = "4") int workers,
            @ConfigProperty(name = "waba.webhook.queue", defaultValue = "1000") int queue,
            @ConfigProperty(name = "waba.webhook.attempts", defaultValue = "5") int attempts,
            @ConfigProperty(name = "waba.webhook.retry-after", defaultValue = "10s") String retryAfter) {
        this.inbound = inbound;
        this.statuses = statuses;
        this.inbox = inbox;
        this.transactions = transactions;
        this.parser = new WebhookPayloadParser(json, businessPhoneId);
        this.clock = clock;
        this.attempts = Math.max(1, attempts);
        this.retryAfter = positive(DurationConverter.parseDuration(retryAfter));
        ExecutorService ordinary = ordinaryThreads(Math.max(1, workers));
        ExecutorService slow = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("whatsapp-webhook-slow-", 1).factory());
        this.ownExecutors = List.of(ordinary, slow);
        this.lanes = new SerialLanes(ordinary, slow, Math.max(1, queue), this::taskDone);
    }

    /** For unit tests: runs on the given executors (a direct one runs the work at once). */
    WebhookDispatcher(HandleInboundMessageUseCase inbound, RecordDeliveryStatusUseCase statuses, WebhookInbox inbox,
            Transactions transactions, WebhookPayloadParser parser, Clock clock, Executor ordinary, Executor slow,
            int queue, int attempts, Duration retryAfter) {
        this.inbound = inbound;
        this.statuses = statuses;
        this.inbox = inbox;
        this.transactions = transactions;
        this.parser = parser;
        this.clock = clock;
        this.attempts = attempts;
        this.retryAfter = retryAfter;
        this.ownExecutors = List.of();
        this.lanes = new SerialLanes(ordinary, slow, queue, this::taskDone);
    }

    /**
     * The opaque keys of the people whose messages {@code events} carry: a hash of the provider and the sender's
     * number (or user id), so the inbox orders by sender without keeping another copy of a phone number.
     */
    static Set<String> sendersOf(List<WebhookEvent> events) {
        Set<String> senders = new LinkedHashSet<>();
        for (WebhookEvent event : events) {
            if (event instanceof WebhookEvent.Message m) {
                senders.add(senderOf(m.message()));
            }
        }
        return senders;
    }

    private static String senderOf(InboundMessage message) {
        String who = message.from().map(msisdn -> "msisdn:" + msisdn.value())
                .or(() -> message.userId().map(user -> "user:" + user))
                .orElse("wamid:" + message.providerMessageId());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((message.provider() + ":" + who).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Queues a webhook just stored (and leased to this instance), with its parsed events; false when the dispatcher
     * is full: the webhook's lease is then given back and the sweeper told.
     */
    boolean submit(StoredWebhook stored, List<WebhookEvent> events) {
        return submit(stored, events, false);
    }

    /** Queues a webhook the sweeper claimed; false when the dispatcher is full (its lease is then given back). */
    boolean submit(StoredWebhook stored) {
        return submit(stored, parse(stored), true);
    }

    private boolean submit(StoredWebhook stored, List<WebhookEvent> events, boolean swept) {
        List<WebhookEvent> batch = List.copyOf(events);
        Runnable task = swept ? () -> {
            try {
                process(stored, batch);
            } finally {
                sweptInFlight.decrementAndGet();
            }
        } : () -> process(stored, batch);
        if (swept) {
            sweptInFlight.incrementAndGet();
        }
        if (lanes.offer(laneOf(stored), stored.id(), slow(batch), task)) {
            return true;
        }
        if (swept) {
            sweptInFlight.decrementAndGet();
        }
        LOG.warnf("webhook processing is full: webhook %d (%d events) goes back to the inbox for the sweeper",
                stored.id(), batch.size());
        refused.add(stored.id());
        backlog.set(true);
        wakeSweeper();
        return false;
    }

    /** How many more webhooks {@link #submit} would take now. */
    int room() {
        return lanes.room();
    }

    /** How many webhooks it holds at most. */
    int capacity() {
        return lanes.capacity();
    }

    /** How many of the webhooks it holds the sweeper claimed (a sender's later webhooks may wait behind them). */
    int sweptInFlight() {
        return sweptInFlight.get();
    }

    /** The webhooks refused since the last call, whose leases the sweeper gives back. */
    List<Long> takeRefused() {
        List<Long> ids = new ArrayList<>();
        for (Long id = refused.poll(); id != null; id = refused.poll()) {
            ids.add(id);
        }
        return ids;
    }

    /** Whether webhooks were refused, or the sweeper waits for work in hand, and it has not yet drained the inbox. */
    boolean backlogSuspected() {
        return backlog.get();
    }

    /**
     * The sweeper stopped claiming for lack of room, or because the rest waits behind webhooks in hand: every
     * finished webhook wakes it, until it finds the inbox drained.
     */
    void wakeSweeperOnEveryFinish() {
        backlog.set(true);
    }

    /** The sweeper found less than it asked for: the inbox is drained (for now). */
    void backlogDrained() {
        backlog.set(false);
    }

    /** Waits until {@link #wakeSweeper} is called or {@code timeout} has passed. */
    void awaitSweepSignal(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (!signalled) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(signal, left);
            }
            signalled = false;
        }
    }

    void wakeSweeper() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    /** Parses a stored webhook and handles it on the caller's thread. */
    void process(StoredWebhook stored) {
        process(stored, parse(stored));
    }

    private List<WebhookEvent> parse(StoredWebhook stored) {
        try {
            return parser.parse(stored.body(), stored.receivedAt()).events();
        } catch (MalformedWebhookException e) {
            // the resource stores only bodies that parse: this one never will, so it is done with
            LOG.warnf("stored webhook %d could not be read (%s); nothing handed on", stored.id(), e.getMessage());
            return List.of();
        }
    }

    /** One webhook's turn in its lane. */
    void process(StoredWebhook stored, List<WebhookEvent> events) {
        stored.correlationId().ifPresent(id -> MDC.put(MDC_KEY, id));
        try {
            if (!stored.senders().isEmpty() && !itsTurn(stored)) {
                return;
            }
            boolean lastTry = stored.failures() + 1 >= attempts;
            List<Failed> failed = handle(events, lastTry);
            finish(stored, failed, lastTry);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    private boolean itsTurn(StoredWebhook stored) {
        WebhookInbox.Turn turn;
        try {
            turn = transactions.inTransaction(() -> inbox.begin(stored.id()));
        } catch (RuntimeException e) {
            LOG.errorf("could not start webhook %d (%s); it is tried again when its lease has run out", stored.id(),
                    e.getClass().getName());
            return false;
        }
        if (turn == WebhookInbox.Turn.WAIT) {
            LOG.debugf("webhook %d waits for an older webhook of its sender", stored.id());
        }
        return turn == WebhookInbox.Turn.PROCEED;
    }

    /** An event that could not be handled in this try (or was held back behind one that could not). */
    private record Failed(WebhookEvent event, String error) {
    }

    private List<Failed> handle(List<WebhookEvent> events, boolean lastTry) {
        List<Failed> failed = new ArrayList<>();
        Set<String> stopped = new HashSet<>();
        for (WebhookEvent event : events) {
            String sender = event instanceof WebhookEvent.Message m ? senderOf(m.message()) : null;
            if (sender != null && stopped.contains(sender) && !lastTry) {
                failed.add(new Failed(event, "held back behind a failed message"));
                continue;
            }
            try {
                switch (event) {
                    case WebhookEvent.Message m -> inbound.handle(m.message());
                    case WebhookEvent.Status s -> statuses.record(s.report());
                }
            } catch (RuntimeException e) {
                // the exception's message could quote the payload: log its type only
                LOG.errorf("handling a webhook %s failed for %s: %s", event.kind(),
                        WebhookPayloadParser.loggableId(event.wamid()), e.getClass().getName());
                failed.add(new Failed(event, e.getClass().getName()));
                if (sender != null) {
                    stopped.add(sender);
                }
            }
        }
        return failed;
    }

    private void finish(StoredWebhook stored, List<Failed> failed, boolean lastTry) {
        Instant now = clock.instant();
        try {
            if (failed.isEmpty()) {
                transactions.run(() -> inbox.markProcessed(stored.id(), now));
                return;
            }
            String error = failed.getFirst().error();
            if (lastTry && answered(failed)) {
                transactions.run(() -> inbox.markGivenUp(stored.id(), error, now));
                LOG.errorf("gave up on webhook %d after %d tries (%s); %d senders were asked to write again",
                        stored.id(), stored.failures() + 1, error, failed.stream()
                                .filter(f -> f.event() instanceof WebhookEvent.Message).count());
                return;
            }
            Instant retryAt = now.plus(backoff(stored.failures() + 1));
            transactions.run(() -> inbox.markFailed(stored.id(), error, retryAt));
            LOG.warnf("webhook %d failed (try %d of %d, %s); next try at %s", stored.id(), stored.failures() + 1,
                    attempts, error, retryAt);
        } catch (RuntimeException e) {
            LOG.errorf("could not record the outcome of webhook %d (%s); it is tried again when its lease has run out",
                    stored.id(), e.getClass().getName());
        }
    }

    /** Asks every sender whose message failed to send it again; false when that failed too (tried again later). */
    private boolean answered(List<Failed> failed) {
        for (Failed f : failed) {
            if (f.event() instanceof WebhookEvent.Message m) {
                try {
                    inbound.giveUp(m.message());
                } catch (RuntimeException e) {
                    LOG.errorf("could not tell the sender of %s that their message failed: %s",
                            WebhookPayloadParser.loggableId(m.wamid()), e.getClass().getName());
                    return false;
                }
            }
        }
        return true;
    }

    /** The wait before try {@code failures + 1}: {@code retry-after}, doubled for every failure after the first. */
    Duration backoff(int failures) {
        Duration wait = retryAfter;
        for (int i = 1; i < failures && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_BACKOFF) < 0 ? wait : MAX_BACKOFF;
    }

    private static String laneOf(StoredWebhook stored) {
        return stored.senders().isEmpty() ? "webhook:" + stored.id() : new TreeSet<>(stored.senders()).first();
    }

    private boolean slow(List<WebhookEvent> events) {
        return events.stream().anyMatch(e -> e instanceof WebhookEvent.Message m && inbound.mayWaitOnProvider(
                m.message()));
    }

    private void taskDone() {
        if (backlog.get()) {
            wakeSweeper();
        }
    }

    /** Lets the held work finish for a few seconds, then gives the leases of whatever is left back to the inbox. */
    @PreDestroy
    void shutdown() {
        ownExecutors.forEach(ExecutorService::shutdown);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        try {
            for (ExecutorService executor : ownExecutors) {
                executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ownExecutors.forEach(ExecutorService::shutdownNow);
        List<Long> left = new ArrayList<>(lanes.unfinished());
        left.addAll(takeRefused());
        if (left.isEmpty()) {
            return;
        }
        try {
            transactions.run(() -> inbox.release(left));
            LOG.warnf("stopped with %d webhooks not yet processed; they went back to the inbox for the sweeper",
                    left.size());
        } catch (RuntimeException e) {
            LOG.warnf("stopped with %d webhooks not yet processed; the sweeper takes them when their leases run out"
                    + " (%s)", left.size(), e.getClass().getName());
        }
    }

    private static Duration positive(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("waba.webhook.retry-after must be positive: " + d);
        }
        return d;
    }

    private static ExecutorService ordinaryThreads(int workers) {
        var counter = new AtomicInteger();
        // unbounded: SerialLanes holds at most waba.webhook.queue tasks, so this queue never holds more
        return new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread t = new Thread(task, "whatsapp-webhook-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
