package ke.invoiceiq.application.messaging;

import ke.invoiceiq.application.shared.RetryingTransactions;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import ke.invoiceiq.application.settings.DispatchSettings;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.EarlyDeliveryReport;
import ke.invoiceiq.domain.messaging.MessageEvent;
import ke.invoiceiq.domain.messaging.MessageLog;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.SendResult;
import ke.invoiceiq.domain.messaging.SendSlots;
import ke.invoiceiq.domain.messaging.SendTurn;
import ke.invoiceiq.domain.messaging.SmsMessenger;
import ke.invoiceiq.domain.messaging.SmsText;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Tracing;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Claims due messages under a claim token of its own, sends each outside any transaction, then records the answer in
 * a unit of work of its own, conditional on the claim. The lease is renewed just before each send, so a long batch
 * never outlives it; a message whose claim was lost meanwhile (its lease ran out and another dispatcher took it) is
 * left to that dispatcher, and a late answer to it changes nothing.
 *
 * <p>Sends go side by side, up to {@link DispatchSettings#concurrency()} at once, one lane per recipient: a person's
 * messages go one after the other in the order they were queued, so the provider's latency, not the number's
 * throughput, would otherwise set the pace. A run keeps claiming while its claims come back full.
 *
 * <p>WhatsApp's limits (one message per person per pair interval, the number's throughput) hold across instances: a
 * turn is taken in {@link SendSlots} before each WhatsApp send, and a message without one waits, as does one the
 * provider did not send (open breaker, throttling): waiting never counts as a try, so it never brings a message
 * closer to being given up. Merchant notices that pile up for one staff number go as one digest.
 *
 * <p>Each message is handled under the correlation id of the work that queued it, so its log lines can be tied
 * back to that.
 */
public final class DispatchOutboxService implements DispatchOutboxUseCase {

    /** WhatsApp's customer-service window: free-form messages reach a person this long after they last wrote. */
    static final Duration SERVICE_WINDOW = Duration.ofHours(24);
    /** How often the merchant hears of one refused setup (per channel and code), whichever instance sees it. */
    static final Duration TELL_SETUP_PROBLEM_EVERY = Duration.ofDays(1);
    /** Why a notice the digest had no room for waits (for the staff number's next turn). */
    private static final String DIGEST_FULL = "digest-full";
    private static final int HELD_REPORTS_PER_RUN = 100;
    /**
     * A run claims again while its claims come back full, the sends of the last claim still in flight, so the
     * provider is never left idle between two claims; it stops claiming after this many, or this long, so held
     * reports and ended slots are looked after between runs.
     */
    static final int MAX_CLAIMS_PER_RUN = 100;
    private static final Duration MAX_CLAIMING = Duration.ofSeconds(20);
    /** Asks for the number's turn, waiting in between, before a message waits in the outbox instead. */
    private static final int THROTTLED_ASKS = 3;
    private static final int SLOTS_FORGOTTEN_PER_RUN = 500;

    private static final System.Logger LOG = System.getLogger(DispatchOutboxService.class.getName());

    private final Outbox outbox;
    private final ChatMessenger chat;
    private final SmsMessenger sms;
    private final SendSlots slots;
    private final CustomerDirectory customers;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEvents events;
    private final MerchantSettings merchant;
    private final DispatchSettings settings;
    private final InvoiceRepository invoices;
    private final OutboxWriter writer;
    private final InvoiceDelivery delivery;
    private final MessageTrail trail;
    private final DeliveryNews news;
    private final Tracing tracing;
    private volatile ThreadPoolExecutor senders;

    public DispatchOutboxService(Outbox outbox, ChatMessenger chat, SmsMessenger sms, SendSlots slots,
            CustomerDirectory customers, InvoiceRepository invoices, MessageLog messageLog, Transactions transactions,
            Clock clock, IdGenerator ids, DomainEvents events, MerchantSettings merchant, DispatchSettings settings,
            Tracing tracing) {
        this.outbox = outbox;
        this.chat = chat;
        this.sms = sms;
        this.slots = slots;
        this.customers = customers;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
        this.events = events;
        this.merchant = merchant;
        this.settings = settings;
        this.invoices = invoices;
        this.tracing = tracing;
        this.writer = new OutboxWriter(outbox, ids, clock, merchant, tracing);
        this.delivery = new InvoiceDelivery(invoices, writer);
        this.trail = new MessageTrail(messageLog, ids);
        this.news = new DeliveryNews(outbox, writer, delivery, trail);
    }

    private enum Fate {
        SENT, RETRIED, DEFERRED, FELL_BACK, FAILED, SKIPPED, COALESCED, LOST, ERROR
    }

    private record Recorded(Fate fate, List<InvoiceEvent> events) {

        static Recorded of(Fate fate) {
            return new Recorded(fate, List.of());
        }
    }

    /** How a message goes this time: a WhatsApp message in the form chosen, or an SMS. */
    private sealed interface Route {

        Channel channel();

        record Chat(ChatMessage message) implements Route {
            @Override
            public Channel channel() {
                return Channel.WHATSAPP;
            }
        }

        record Sms(Msisdn to, String text) implements Route {
            @Override
            public Channel channel() {
                return Channel.SMS;
            }
        }
    }

    /** What one run did, counted per fate. */
    private static final class Tally {
        private final Map<Fate, Integer> counts = new EnumMap<>(Fate.class);
        private int claimed;

        synchronized void claimed(int n) {
            claimed += n;
        }

        synchronized void add(Fate fate) {
            counts.merge(fate, 1, Integer::sum);
        }

        synchronized DispatchReport report() {
            return new DispatchReport(claimed, n(Fate.SENT), n(Fate.RETRIED), n(Fate.DEFERRED), n(Fate.FELL_BACK),
                    n(Fate.FAILED), n(Fate.SKIPPED), n(Fate.COALESCED), n(Fate.LOST), n(Fate.ERROR));
        }

        private int n(Fate fate) {
            return counts.getOrDefault(fate, 0);
        }
    }

    @Override
    public DispatchReport dispatch() {
        applyHeldReports();
        Tally tally = new Tally();
        Optional<String> runsUnder = tracing.currentCorrelationId();
        Semaphore inFlight = new Semaphore(settings.concurrency());
        Map<Msisdn, CompletableFuture<Void>> lanes = new HashMap<>();
        long started = System.nanoTime();
        for (int batch = 0; batch < MAX_CLAIMS_PER_RUN; batch++) {
            String claim = ids.nextId();
            Instant now = clock.instant();
            List<OutboxMessage> claimed = transactions.inTransaction(
                    () -> outbox.claimDue(claim, now, settings.lease(), settings.batchSize()));
            tally.claimed(claimed.size());
            for (Map.Entry<Msisdn, List<List<OutboxMessage>>> lane : lanes(claimed).entrySet()) {
                inFlight.acquireUninterruptibly();
                Runnable work = () -> {
                    try {
                        lane.getValue().forEach(group -> dispatchGroup(claim, group, runsUnder, tally));
                    } finally {
                        inFlight.release();
                    }
                };
                // one recipient's messages go in the order they were queued, never two at once
                CompletableFuture<Void> earlier = lanes.get(lane.getKey());
                lanes.put(lane.getKey(), earlier == null
                        ? CompletableFuture.runAsync(work, senders())
                        : earlier.exceptionally(failure -> null).thenRunAsync(work, senders()));
            }
            if (claimed.size() < settings.batchSize() || System.nanoTime() - started > MAX_CLAIMING.toNanos()) {
                break;
            }
        }
        CompletableFuture.allOf(lanes.values().toArray(CompletableFuture[]::new)).join();
        forgetEndedSlots();
        return tally.report();
    }

    /** A message queued under no correlation id is sent under the run's (a job's), as if it ran on its thread. */
    private void dispatchGroup(String claim, List<OutboxMessage> group, Optional<String> runsUnder, Tally tally) {
        OutboxMessage lead = group.getFirst();
        try {
            tracing.withCorrelationId(lead.correlationId().or(() -> runsUnder), () -> {
                if (lead.purpose() == MessagePurpose.MERCHANT_NOTICE) {
                    dispatchNotices(claim, group, tally);
                } else {
                    tally.add(dispatchOne(claim, lead, false));
                }
                return null;
            });
        } catch (RuntimeException e) {
            // the claim runs out and the message is taken again; the other lanes go on
            LOG.log(Level.ERROR, "dispatching outbox message {0} failed: {1}", lead.id(),
                    e.getClass().getSimpleName());
            group.forEach(message -> tally.add(Fate.ERROR));
        }
    }

    /**
     * The claimed messages by recipient, each recipient's groups in the order claimed: the sends of one lane go one
     * after the other, the lanes side by side.
     */
    private static Map<Msisdn, List<List<OutboxMessage>>> lanes(List<OutboxMessage> claimed) {
        Map<Msisdn, List<List<OutboxMessage>>> lanes = new LinkedHashMap<>();
        for (List<OutboxMessage> group : groups(claimed)) {
            lanes.computeIfAbsent(group.getFirst().recipient(), k -> new ArrayList<>()).add(group);
        }
        return lanes;
    }

    /** The threads the sends run on: as many as the concurrency, made when first needed, gone when idle. */
    private Executor senders() {
        ThreadPoolExecutor pool = senders;
        if (pool == null) {
            synchronized (this) {
                if (senders == null) {
                    AtomicInteger n = new AtomicInteger();
                    ThreadFactory factory = task -> {
                        Thread thread = new Thread(task, "outbox-send-" + n.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    };
                    ThreadPoolExecutor created = new ThreadPoolExecutor(settings.concurrency(),
                            settings.concurrency(), 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
                    created.allowCoreThreadTimeOut(true);
                    senders = created;
                }
                pool = senders;
            }
        }
        return pool;
    }

    /** One group per message, except merchant notices: one group per staff number and channel, for a digest. */
    private static List<List<OutboxMessage>> groups(List<OutboxMessage> claimed) {
        Map<Object, List<OutboxMessage>> groups = new LinkedHashMap<>();
        for (OutboxMessage message : claimed) {
            Object key = message.purpose() == MessagePurpose.MERCHANT_NOTICE
                    ? List.of(message.recipient(), message.channel())
                    : message.id();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
        }
        return List.copyOf(groups.values());
    }

    /**
     * Sends one message and records the answer. After the recording commits, the invoice events (if any) and one
     * {@link MessageEvent.Dispatched} are published; an answer that could not be recorded is not told (the
     * message will be claimed and sent again once its lease runs out).
     *
     * @param turnTaken whether the recipient's WhatsApp turn was taken for it already (a digest's)
     */
    private Fate dispatchOne(String claim, OutboxMessage message, boolean turnTaken) {
        Fate fate = handle(claim, message, turnTaken);
        // never the recipient nor the text: the id, purpose and channel are enough to find the row
        LOG.log(Level.DEBUG, "outbox message {0} ({1}, {2}): {3}", message.id(), message.purpose(),
                message.channel(), fate);
        return fate;
    }

    private Fate handle(String claim, OutboxMessage message, boolean turnTaken) {
        Instant now = clock.instant();
        Ready ready = transactions.inTransaction(() -> ready(claim, message, now));
        if (ready.fate().isPresent()) {
            if (ready.fate().get() == Fate.LOST) {
                LOG.log(Level.INFO, "outbox message {0}: its claim ran out and another dispatcher holds it; left to"
                        + " that one", message.id());
            } else if (ready.fate().get() == Fate.SKIPPED) {
                events.publish(new MessageEvent.Dispatched(message.channel(), MessageEvent.Outcome.SKIPPED,
                        clock.instant()));
            }
            return ready.fate().get();
        }
        Route route = ready.route();
        if (route instanceof Route.Chat && !turnTaken) {
            Optional<Wait> wait = takeTurn(message.recipient());
            if (wait.isPresent()) {
                return deferred(claim, message, route.channel(), wait.get().deferral(), wait.get().askedAt());
            }
        }
        SendResult result = send(route);
        if (result instanceof SendResult.Deferred wait) {
            return deferred(claim, message, route.channel(), wait, clock.instant());
        }
        Instant answeredAt = clock.instant();
        try {
            Recorded recorded = RetryingTransactions.onConflict(() -> transactions.inTransaction(() -> {
                if (route instanceof Route.Chat && result instanceof SendResult.Accepted) {
                    slots.sentAt(message.recipient(), answeredAt, settings.pacing());
                }
                return record(claim, message, route.channel(), result, clock.instant());
            }));
            recorded.events().forEach(events::publish);
            if (recorded.fate() == Fate.LOST) {
                LOG.log(Level.WARNING, "outbox message {0} was sent, but another dispatcher has claimed it since;"
                        + " its answer is not recorded here", message.id());
                return Fate.LOST;
            }
            events.publish(new MessageEvent.Dispatched(route.channel(), MessageEvent.Outcome.of(result),
                    clock.instant()));
            if (result instanceof SendResult.Misconfigured misconfigured) {
                tellMerchantOnce(route.channel(), misconfigured.code());
            }
            return recorded.fate();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "recording the send of outbox message {0} failed: {1}", message.id(),
                    e.getClass().getSimpleName());
            return Fate.ERROR;
        }
    }

    /** What a claimed message is before its send: done with ({@code fate}), or to go by {@code route}. */
    private record Ready(Optional<Fate> fate, Route route) {
    }

    /**
     * In one unit of work, one commit per message before its send: the lease renewed (else {@code LOST}), a message
     * that lost its point dropped ({@link #droppedAsStale}), and how it goes now.
     */
    private Ready ready(String claim, OutboxMessage message, Instant now) {
        if (!outbox.renewLease(message.id(), claim, now.plus(settings.lease()), now)) {
            return new Ready(Optional.of(Fate.LOST), null);
        }
        Optional<Fate> dropped = droppedAsStale(claim, message);
        if (dropped.isPresent()) {
            return new Ready(dropped, null);
        }
        return new Ready(Optional.empty(), route(message));
    }

    /** A send that waits in the outbox: for how long, counted from when the turn was asked for. */
    private record Wait(SendResult.Deferred deferral, Instant askedAt) {
    }

    /**
     * The recipient's turn and the number's, waited for here when the number's starts within a moment: empty when
     * the send may go now. A recipient messaged too recently waits in the outbox ({@code paced}); so does a message
     * when the number's turns stay taken (other instances' sends), after a few asks ({@code throughput}). The wait
     * counts from the ask, so messages to one person waiting for the same turn keep the order they were queued in.
     */
    private Optional<Wait> takeTurn(Msisdn recipient) {
        for (int ask = 1; ; ask++) {
            Instant now = clock.instant();
            SendTurn turn = slots.tryTake(recipient, now, settings.pacing());
            switch (turn) {
                case SendTurn.Taken taken -> {
                    pause(taken.after());
                    return Optional.empty();
                }
                case SendTurn.Paced paced -> {
                    return Optional.of(new Wait(new SendResult.Deferred("paced", paced.after()), now));
                }
                case SendTurn.Throttled throttled -> {
                    if (ask >= THROTTLED_ASKS || throttled.after().compareTo(SendSlots.NUMBER_TURNS_AHEAD) > 0) {
                        return Optional.of(new Wait(new SendResult.Deferred("throughput", throttled.after()), now));
                    }
                    pause(throttled.after().plus(settings.pacing().numberSpacing()));
                }
            }
        }
    }

    private static void pause(Duration wait) {
        if (!wait.isZero()) {
            LockSupport.parkNanos(wait.toNanos());
        }
    }

    /** The lease again from now, right before the send; false when another dispatcher holds the message now. */
    private boolean renewed(String claim, OutboxMessage message, Instant now) {
        if (transactions.inTransaction(() -> outbox.renewLease(message.id(), claim, now.plus(settings.lease()), now))) {
            return true;
        }
        LOG.log(Level.INFO, "outbox message {0}: its claim ran out and another dispatcher holds it; left to that one",
                message.id());
        return false;
    }

    /**
     * A message that lost its point while it waited (a reminder or a payment nudge for an invoice paid or cancelled
     * meanwhile, see {@link MessagePurpose#staleOnceInvoiceIs}) is not sent: recorded as skipped.
     */
    private Optional<Fate> droppedAsStale(String claim, OutboxMessage message) {
        Optional<InvoiceStatus> stale = message.invoiceId()
                .flatMap(invoices::find)
                .map(Invoice::status)
                .filter(message.purpose()::staleOnceInvoiceIs);
        if (stale.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String reason = "invoice " + stale.get().name().toLowerCase(Locale.ROOT);
        if (!outbox.markFailed(message.id(), claim, reason, now)) {
            return Optional.of(Fate.LOST);
        }
        trail.out(message, "skipped", Optional.empty(), Optional.of(reason), now);
        return Optional.of(Fate.SKIPPED);
    }

    /**
     * Due again {@code wait} after {@code measuredFrom}, the moment the wait was measured from: messages to one
     * person that wait for the same turn then come due at the very same instant and go in the order they were
     * queued, instead of in the order the dispatcher happened to get round to them.
     */
    private Fate deferred(String claim, OutboxMessage message, Channel channel, SendResult.Deferred wait,
            Instant measuredFrom) {
        Instant now = clock.instant();
        boolean held = transactions.inTransaction(
                () -> outbox.defer(message.id(), claim, measuredFrom.plus(wait.after()), wait.reason(), now));
        if (!held) {
            return Fate.LOST;
        }
        events.publish(new MessageEvent.Dispatched(channel, MessageEvent.Outcome.DEFERRED, now));
        return Fate.DEFERRED;
    }

    /**
     * Merchant notices to one staff number: when the number may be messaged, every notice still waiting for it is
     * taken along and they go as one digest (the ones that do not fit wait for the next); a notice alone goes as
     * itself. When it may not, they all wait for its turn, without a try counted.
     */
    private void dispatchNotices(String claim, List<OutboxMessage> group, Tally tally) {
        Instant now = clock.instant();
        OutboxMessage lead = group.getFirst();
        List<OutboxMessage> held = new ArrayList<>();
        for (OutboxMessage notice : group) {
            if (renewed(claim, notice, now)) {
                held.add(notice);
            } else {
                tally.add(Fate.LOST);
            }
        }
        if (held.isEmpty()) {
            return;
        }
        Route route = route(lead);
        boolean whatsApp = route instanceof Route.Chat;
        if (whatsApp) {
            Optional<Wait> wait = takeTurn(lead.recipient());
            if (wait.isPresent()) {
                held.forEach(notice -> tally.add(deferred(claim, notice, route.channel(), wait.get().deferral(),
                        wait.get().askedAt())));
                return;
            }
        }
        List<OutboxMessage> waiting = transactions.inTransaction(() -> outbox.claimWaiting(claim, lead.recipient(),
                lead.channel(), MessagePurpose.MERCHANT_NOTICE, now, settings.lease(),
                NoticeDigest.MAX_NOTICES - held.size()));
        tally.claimed(waiting.size());
        List<OutboxMessage> notices = new ArrayList<>(held);
        notices.addAll(waiting);
        notices.sort(Comparator.comparing(OutboxMessage::createdAt).thenComparing(OutboxMessage::id));
        if (notices.size() == 1) {
            tally.add(dispatchOne(claim, notices.getFirst(), whatsApp));
            return;
        }
        NoticeDigest.Split split = NoticeDigest.split(notices, switch (route) {
            case Route.Sms sms -> NoticeDigest.Form.SMS;
            case Route.Chat c when c.message() instanceof ChatMessage.NoticeTemplate -> NoticeDigest.Form.TEMPLATE;
            case Route.Chat c -> NoticeDigest.Form.CHAT;
        }, merchant.language());
        if (split.carried().size() == 1) {
            // the next one would not fit beside it: it goes as itself, the others at the next turn
            split.left().forEach(notice -> tally.add(deferred(claim, notice, route.channel(),
                    new SendResult.Deferred(DIGEST_FULL, settings.pacing().pairInterval()), now)));
            tally.add(dispatchOne(claim, split.carried().getFirst(), whatsApp));
            return;
        }
        String digestId = ids.nextId();
        List<OutboxMessage> carried = transactions.inTransaction(() -> coalesce(claim, lead, split, digestId));
        Instant after = clock.instant();
        for (int i = 0; i < split.carried().size() - carried.size(); i++) {
            tally.add(Fate.LOST);
        }
        carried.forEach(notice -> {
            tally.add(Fate.COALESCED);
            events.publish(new MessageEvent.Dispatched(route.channel(), MessageEvent.Outcome.COALESCED, after));
        });
        split.left().forEach(notice -> {
            tally.add(Fate.DEFERRED);
            events.publish(new MessageEvent.Dispatched(route.channel(), MessageEvent.Outcome.DEFERRED, after));
        });
        if (!carried.isEmpty()) {
            tally.add(dispatchOne(claim, outbox.find(digestId).orElseThrow(), whatsApp));
        }
    }

    /**
     * In one unit of work: each notice the digest carries is marked COALESCED into it (those whose claim was lost
     * meanwhile are left out), the others wait for the next turn, and the digest of the carried ones is queued and
     * claimed by this dispatcher. Returns the notices carried.
     */
    private List<OutboxMessage> coalesce(String claim, OutboxMessage lead, NoticeDigest.Split split,
            String digestId) {
        Instant now = clock.instant();
        List<OutboxMessage> carried = new ArrayList<>();
        for (OutboxMessage notice : split.carried()) {
            if (outbox.markCoalesced(notice.id(), claim, digestId, now)) {
                carried.add(notice);
                trail.out(notice, "coalesced", Optional.empty(), Optional.empty(), now);
            }
        }
        for (OutboxMessage notice : split.left()) {
            outbox.defer(notice.id(), claim, now.plus(settings.pacing().pairInterval()), DIGEST_FULL, now);
        }
        if (!carried.isEmpty()) {
            outbox.enqueue(OutboxMessage.queue(digestId, lead.recipient(), MessagePurpose.MERCHANT_DIGEST,
                    Optional.empty(), lead.channel(), NoticeDigest.content(carried, merchant.language()), now, lead.correlationId()));
            outbox.claim(digestId, claim, now, settings.lease());
        }
        return carried;
    }

    private SendResult send(Route route) {
        try {
            return switch (route) {
                case Route.Chat chatRoute -> chat.send(chatRoute.message());
                case Route.Sms smsRoute -> sms.send(smsRoute.to(), smsRoute.text());
            };
        } catch (RuntimeException e) {
            // the provider call itself broke (timeout, connection reset): as good as "try again later"
            return new SendResult.RetryLater(e.getClass().getSimpleName(), Optional.empty());
        }
    }

    /**
     * How the message goes now. SMS rows go as SMS, in plain GSM-7 where possible: one curly quote or emoji would
     * make the whole SMS 70-character UCS-2 pages, each billed. On WhatsApp: a staff notice outside the staff
     * number's 24-hour window goes by the approved merchant template when there is one, else by SMS; a customer
     * outside the window gets the invoice template when there is one; otherwise buttons when there are some, else
     * text.
     */
    private Route route(OutboxMessage message) {
        Msisdn to = message.recipient();
        OutboundContent content = message.content();
        if (message.channel() == Channel.SMS) {
            return sms(to, content.smsText().orElse(content.text()));
        }
        boolean staff = merchant.isMerchant(to);
        if (message.purpose().isForStaff() && !insideServiceWindow(to)) {
            if (chat.hasMerchantTemplate()) {
                return new Route.Chat(new ChatMessage.NoticeTemplate(to,
                        NoticeDigest.templateVariable(content.text())));
            }
            if (content.smsText().isPresent()) {
                return sms(to, content.smsText().get());
            }
        }
        if (content.template().isPresent() && chat.hasInvoiceTemplate() && !staff && !insideServiceWindow(to)) {
            return new Route.Chat(new ChatMessage.Template(to, content.template().get()));
        }
        if (!content.buttons().isEmpty()) {
            return new Route.Chat(new ChatMessage.Buttons(to, content.text(), content.buttons()));
        }
        return new Route.Chat(new ChatMessage.Text(to, content.text()));
    }

    private static Route.Sms sms(Msisdn to, String text) {
        return new Route.Sms(to, SmsText.plain(text));
    }

    private boolean insideServiceWindow(Msisdn person) {
        Instant windowOpen = clock.instant().minus(SERVICE_WINDOW);
        return transactions.inTransaction(() -> customers.lastInboundAt(person))
                .filter(lastWrote -> lastWrote.isAfter(windowOpen))
                .isPresent();
    }

    private Recorded record(String claim, OutboxMessage message, Channel channel, SendResult result, Instant now) {
        return switch (result) {
            case SendResult.Accepted accepted -> sent(claim, message, channel, accepted.providerMessageId(), now);
            case SendResult.RetryLater later -> {
                int attempt = message.attempts() + 1;
                if (attempt >= settings.maxAttempts()) {
                    yield undeliverable(claim, message, channel, later.code(), now);
                }
                Duration wait = settings.backoffAfter(attempt);
                if (later.after().isPresent() && later.after().get().compareTo(wait) > 0) {
                    wait = later.after().get();
                }
                if (!outbox.retryLater(message.id(), claim, now.plus(wait), later.code(), now)) {
                    yield Recorded.of(Fate.LOST);
                }
                trail.out(message, channel, "retry", Optional.empty(), Optional.of(later.code()), now);
                yield Recorded.of(Fate.RETRIED);
            }
            case SendResult.Deferred wait -> throw new IllegalStateException("a wait is recorded as deferred");
            case SendResult.Undeliverable undeliverable ->
                    undeliverable(claim, message, channel, undeliverable.code(), now);
            case SendResult.Misconfigured misconfigured ->
                    undeliverable(claim, message, channel, misconfigured.code(), now);
        };
    }

    /**
     * Recorded as sent on the channel that took it; then the invoice (if it is one) is SENT by that channel, and the
     * reports the provider made before this moment are applied.
     */
    private Recorded sent(String claim, OutboxMessage message, Channel channel, String providerMessageId,
            Instant now) {
        if (!outbox.markSent(message.id(), claim, channel, providerMessageId, now)) {
            return Recorded.of(Fate.LOST);
        }
        List<InvoiceEvent> told = new ArrayList<>();
        if (message.purpose() == MessagePurpose.INVOICE && message.invoiceId().isPresent()) {
            delivery.accepted(message.invoiceId().get(), channel, now).ifPresent(told::add);
        }
        trail.out(message, channel, "sent", Optional.of(providerMessageId), Optional.empty(), now);
        List<EarlyDeliveryReport> early = outbox.takeHeldReports(channel, providerMessageId);
        if (!early.isEmpty()) {
            OutboxMessage recorded = outbox.find(message.id()).orElseThrow();
            for (EarlyDeliveryReport report : early) {
                news.apply(recorded, providerMessageId, report.status(), report.errorCode(), report.reportedAt(), now)
                        .event().ifPresent(told::add);
                recorded = outbox.find(message.id()).orElseThrow();
            }
        }
        return new Recorded(Fate.SENT, told);
    }

    /** Failed on this channel: the SMS copy when the content allows one, else the invoice (if it is one) FAILED. */
    private Recorded undeliverable(String claim, OutboxMessage message, Channel channel, String code, Instant now) {
        if (!outbox.markFailed(message.id(), claim, code, now)) {
            return Recorded.of(Fate.LOST);
        }
        boolean fallBack = channel == Channel.WHATSAPP && message.canFallBackToSms();
        List<InvoiceEvent> told = new ArrayList<>();
        if (!fallBack && message.purpose() == MessagePurpose.INVOICE && message.invoiceId().isPresent()) {
            delivery.failedOnEveryChannel(message.invoiceId().get(), now).ifPresent(told::add);
        }
        trail.out(message, channel, "failed", Optional.empty(), Optional.of(code), now);
        if (fallBack) {
            writer.resend(message, Channel.SMS);
            trail.out(message, channel, "fallback_sms", Optional.empty(), Optional.of(code), now);
            return new Recorded(Fate.FELL_BACK, told);
        }
        return new Recorded(Fate.FAILED, told);
    }

    /**
     * The reports that came before their send was recorded and raced that recording (the recording takes the ones
     * it finds itself): applied now that their message carries the provider's id.
     */
    private void applyHeldReports() {
        try {
            List<InvoiceEvent> told = RetryingTransactions.onConflict(() -> transactions.inTransaction(() -> {
                Instant now = clock.instant();
                List<InvoiceEvent> applied = new ArrayList<>();
                for (EarlyDeliveryReport report : outbox.takeMatchedHeldReports(
                        now.minus(RecordDeliveryStatusService.HOLD_EARLY_REPORTS), HELD_REPORTS_PER_RUN)) {
                    outbox.findByProviderMessageId(report.channel(), report.providerMessageId())
                            .flatMap(message -> news.apply(message, report.providerMessageId(), report.status(),
                                    report.errorCode(), report.reportedAt(), now).event())
                            .ifPresent(applied::add);
                }
                return applied;
            }));
            told.forEach(events::publish);
        } catch (RuntimeException e) {
            // they stay held for the next run; the sends must not wait for them
            LOG.log(Level.WARNING, "applying held delivery reports failed: {0}", e.getClass().getSimpleName());
        }
    }

    private void forgetEndedSlots() {
        try {
            slots.purgeExpired(clock.instant(), SLOTS_FORGOTTEN_PER_RUN);
        } catch (RuntimeException e) {
            // an ended slot counts as free whether or not it is forgotten
            LOG.log(Level.DEBUG, "forgetting ended send slots failed: {0}", e.getClass().getSimpleName());
        }
    }

    /**
     * A channel that refuses our account setup (a revoked token, a rejected template) fails every message until an
     * operator acts: the merchant hears of it once per channel and code a day, across every instance (the claim is
     * a {@link SendSlots#tryOnce}, taken in the unit of work that queues the notice), by SMS when WhatsApp is what
     * broke.
     */
    private void tellMerchantOnce(Channel channel, String code) {
        String key = "told:" + channel + ":" + code.replaceAll("[^A-Za-z0-9._-]", "_");
        Channel reachBy = channel == Channel.WHATSAPP ? Channel.SMS : Channel.WHATSAPP;
        OutboundContent notice = OutboundContent.text(DeliveryCopy.channelMisconfigured(merchant.language(), channel, code));
        try {
            transactions.inTransaction(() -> {
                if (slots.tryOnce(key, clock.instant(), TELL_SETUP_PROBLEM_EVERY)) {
                    for (Msisdn staff : merchant.staffNumbers()) {
                        writer.send(staff, reachBy, MessagePurpose.MERCHANT_NOTICE, Optional.empty(), notice);
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "telling the merchant of setup error {0} failed: {1}", code,
                    e.getClass().getSimpleName());
        }
    }
}
