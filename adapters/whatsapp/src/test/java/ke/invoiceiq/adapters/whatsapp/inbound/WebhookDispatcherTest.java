package ke.invoiceiq.adapters.whatsapp.inbound;

import static ke.invoiceiq.adapters.whatsapp.inbound.Fixtures.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import ke.invoiceiq.adapters.memory.DirectTransactions;
import ke.invoiceiq.adapters.memory.InMemoryWebhookInbox;
import ke.invoiceiq.adapters.memory.MutableClock;
import ke.invoiceiq.application.inbound.InboundContent;
import ke.invoiceiq.application.inbound.InboundMessage;
import ke.invoiceiq.application.messaging.DeliveryReport;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.DeliveryStatus;
import ke.invoiceiq.domain.messaging.StoredWebhook;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Handing a stored webhook's events to the use cases, in lanes, then marking it processed, failed or given up: on
 * a direct executor (no threads) where the order of the work is the point, on real threads where concurrency is.
 */
class WebhookDispatcherTest {

    private static final int ATTEMPTS = 3;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);
    private static final Msisdn ALICE = new Msisdn("254711000001");
    private static final Msisdn BOB = new Msisdn("254711000002");

    private final RecordingInboundMessages inbound = new RecordingInboundMessages();
    private final RecordingDeliveryReports statuses = new RecordingDeliveryReports();
    private final List<Runnable> queued = new ArrayList<>();
    private final InMemoryWebhookInbox inbox = new InMemoryWebhookInbox();
    private final DirectTransactions transactions = new DirectTransactions();
    private final MutableClock clock = new MutableClock();
    private final WebhookPayloadParser parser = new WebhookPayloadParser(new ObjectMapper(), Optional.empty());
    private final List<ExecutorService> pools = new ArrayList<>();

    private WebhookDispatcher dispatcher(java.util.concurrent.Executor executor) {
        return new WebhookDispatcher(inbound, statuses, inbox, transactions, parser, clock, executor, executor, 100,
                ATTEMPTS, RETRY_AFTER);
    }

    private ExecutorService threads(int n) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        pools.add(pool);
        return pool;
    }

    /** Stored as the resource stores it: with its senders, leased to this instance. */
    private StoredWebhook stored(List<WebhookEvent> events, Optional<String> correlationId) {
        return inbox.store("whatsapp", "{}".getBytes(StandardCharsets.UTF_8), clock.instant(), correlationId,
                WebhookDispatcher.sendersOf(events), Optional.of(clock.instant().plus(WebhookInboxSweeper.LEASE)));
    }

    private StoredWebhook stored(List<WebhookEvent> events) {
        return stored(events, Optional.empty());
    }

    /** As the sweeper would hand it out: with the failures it has had so far. */
    private StoredWebhook current(StoredWebhook webhook) {
        return inbox.find(webhook.id()).orElseThrow();
    }

    @AfterEach
    void cleanUp() {
        MDC.remove(WebhookDispatcher.MDC_KEY);
        pools.forEach(ExecutorService::shutdownNow);
    }

    private static WebhookEvent message(Msisdn from, String wamid) {
        return message(from, wamid, new InboundContent.Text("hi"));
    }

    private static WebhookEvent message(Msisdn from, String wamid, InboundContent content) {
        return new WebhookEvent.Message(new InboundMessage("whatsapp", wamid, Channel.WHATSAPP, Optional.of(from),
                Optional.empty(), content, Instant.EPOCH));
    }

    private static WebhookEvent status(String wamid) {
        return new WebhookEvent.Status(new DeliveryReport(Channel.WHATSAPP, wamid, DeliveryStatus.READ,
                Optional.empty(), Instant.EPOCH));
    }

    private List<String> handedOn() {
        return inbound.messages().stream().map(InboundMessage::providerMessageId).toList();
    }

    @Test
    void givenEveryEventHandled_whenProcessed_thenInPayloadOrderAndMarkedProcessed() {
        var dispatcher = dispatcher(Runnable::run);
        var events = List.of(message(ALICE, "wamid.1"), status("wamid.S"), message(BOB, "wamid.2"));
        StoredWebhook stored = stored(events);

        assertThat(dispatcher.submit(stored, events)).isTrue();

        assertThat(handedOn()).containsExactly("wamid.1", "wamid.2");
        assertThat(statuses.reports()).extracting(DeliveryReport::providerMessageId).containsExactly("wamid.S");
        assertThat(inbox.isProcessed(stored.id())).isTrue();
    }

    @Test
    void givenAFailingMessage_whenProcessed_thenOtherSendersEventsRunItsSendersLaterMessagesWaitAndItIsTriedLater() {
        var dispatcher = dispatcher(Runnable::run);
        var events = List.of(message(ALICE, "wamid.BOOM"), message(BOB, "wamid.B1"), status("wamid.S"),
                message(ALICE, "wamid.A2"));
        StoredWebhook stored = stored(events);

        dispatcher.submit(stored, events);

        assertThat(handedOn()).containsExactly("wamid.BOOM", "wamid.B1");
        assertThat(statuses.reports()).hasSize(1);
        assertThat(inbox.isProcessed(stored.id())).isFalse();
        assertThat(current(stored).failures()).isEqualTo(1);
        assertThat(inbox.claimDue(clock.instant().plus(RETRY_AFTER).minusMillis(1), Duration.ofMinutes(1), 10))
                .as("not before its next try").isEmpty();
        assertThat(inbox.claimDue(clock.instant().plus(RETRY_AFTER), Duration.ofMinutes(1), 10))
                .extracting(StoredWebhook::id).containsExactly(stored.id());
        assertThat(inbound.givenUp()).isEmpty();
    }

    @Test
    void givenAWebhookThatFailedOnce_whenItsNextTryHandlesEverything_thenMarkedProcessed() {
        var dispatcher = dispatcher(Runnable::run);
        var events = List.of(message(ALICE, "wamid.FLAKY"), message(ALICE, "wamid.A2"));
        StoredWebhook stored = stored(events);
        dispatcher.submit(stored, events);

        dispatcher.process(current(stored), events);

        assertThat(handedOn()).containsExactly("wamid.FLAKY", "wamid.FLAKY", "wamid.A2");
        assertThat(inbox.isProcessed(stored.id())).isTrue();
        assertThat(inbound.givenUp()).isEmpty();
    }

    @Test
    void givenEveryTryFails_whenTheLastTryFails_thenEachSenderWhoseMessageFailedIsAskedOnceAndItIsGivenUp() {
        var dispatcher = dispatcher(Runnable::run);
        var events = List.of(message(ALICE, "wamid.BOOM-1"), message(ALICE, "wamid.BOOM-2"), message(BOB, "wamid.B"));
        StoredWebhook stored = stored(events);
        dispatcher.submit(stored, events);
        for (int i = 2; i <= ATTEMPTS; i++) {
            assertThat(inbound.givenUp()).as("not before the last try").isEmpty();
            dispatcher.process(current(stored), events);
        }

        assertThat(inbound.givenUp()).extracting(InboundMessage::providerMessageId)
                .containsExactly("wamid.BOOM-1", "wamid.BOOM-2");
        assertThat(inbox.isGivenUp(stored.id())).isTrue();
        assertThat(inbox.isProcessed(stored.id())).isTrue();
        assertThat(current(stored).failures()).isEqualTo(ATTEMPTS);
    }

    @Test
    void givenTheSenderCannotBeToldEither_whenTheLastTryFails_thenTheWebhookStaysForAnotherTry() {
        var dispatcher = dispatcher(Runnable::run);
        var events = List.of(message(ALICE, "wamid.BOOM"));
        StoredWebhook stored = stored(events);
        dispatcher.submit(stored, events);
        dispatcher.process(current(stored), events);
        inbound.failGivingUp(true);

        dispatcher.process(current(stored), events);

        assertThat(inbox.isProcessed(stored.id())).isFalse();
        assertThat(current(stored).failures()).isEqualTo(ATTEMPTS);
        inbound.failGivingUp(false);
        dispatcher.process(current(stored), events);
        assertThat(inbound.givenUp()).hasSize(1);
        assertThat(inbox.isGivenUp(stored.id())).isTrue();
    }

    @Test
    void givenFailures_whenTheNextTryIsScheduled_thenTheWaitDoublesUpToTenMinutes() {
        var dispatcher = dispatcher(Runnable::run);

        assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(dispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(dispatcher.backoff(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(dispatcher.backoff(30)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void givenTwoWebhooksOfOneSender_whenSubmittedWithWorkersFree_thenTheSecondStartsOnlyAfterTheFirstFinished()
            throws Exception {
        var dispatcher = dispatcher(threads(4));
        CountDownLatch release = inbound.holdPayTaps();
        var first = List.of(message(ALICE, "wamid.A1", new InboundContent.ButtonTap("pay_INV-7K3Q9X")));
        var second = List.of(message(ALICE, "wamid.A2"));
        var other = List.of(message(BOB, "wamid.B1"));

        dispatcher.submit(stored(first), first);
        dispatcher.submit(stored(second), second);
        dispatcher.submit(stored(other), other);

        eventually(Duration.ofSeconds(5), () -> handedOn().contains("wamid.B1"));
        Thread.sleep(200);
        assertThat(handedOn()).as("Alice's second waits for her first").doesNotContain("wamid.A2");
        release.countDown();
        eventually(Duration.ofSeconds(5), () -> handedOn().contains("wamid.A2"));
        assertThat(handedOn()).containsSubsequence("wamid.A1", "wamid.A2");
        eventually(Duration.ofSeconds(5), () -> inbox.countUnprocessed() == 0);
    }

    @Test
    void givenPayTapsHoldingMoreThanEveryWorker_whenAnotherSenderWrites_thenItIsHandledMeanwhile() throws Exception {
        ExecutorService ordinary = threads(2);
        var dispatcher = new WebhookDispatcher(inbound, statuses, inbox, transactions, parser, clock, ordinary,
                Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory()), 100, ATTEMPTS, RETRY_AFTER);
        CountDownLatch release = inbound.holdPayTaps();
        for (int i = 0; i < 6; i++) {
            var tap = List.of(message(new Msisdn("25472200000" + i), "wamid.PAY" + i,
                    new InboundContent.ButtonTap("pay_INV-7K3Q9X")));
            dispatcher.submit(stored(tap), tap);
        }
        eventually(Duration.ofSeconds(5), () -> inbound.calls().size() == 6);

        var merchant = List.of(message(ALICE, "wamid.M1"));
        dispatcher.submit(stored(merchant), merchant);

        eventually(Duration.ofSeconds(2), () -> handedOn().contains("wamid.M1"));
        assertThat(inbound.calls()).filteredOn(c -> c.message().providerMessageId().startsWith("wamid.PAY"))
                .hasSize(6).allMatch(RecordingInboundMessages.Call::virtualThread);
        release.countDown();
        eventually(Duration.ofSeconds(5), () -> inbox.countUnprocessed() == 0);
    }

    @Test
    void givenAnOlderWebhookOfTheSenderIsStillUnprocessed_whenANewerOneComesUp_thenItWaitsWithItsLeaseGivenBack() {
        var dispatcher = dispatcher(Runnable::run);
        var older = List.of(message(ALICE, "wamid.BOOM"));
        StoredWebhook olderStored = stored(older);
        dispatcher.submit(olderStored, older);
        var newer = List.of(message(ALICE, "wamid.A2"));
        StoredWebhook newerStored = stored(newer);

        dispatcher.submit(newerStored, newer);

        assertThat(handedOn()).containsExactly("wamid.BOOM");
        assertThat(inbox.isProcessed(newerStored.id())).isFalse();
        Instant retry = clock.instant().plus(RETRY_AFTER);
        assertThat(inbox.claimDue(retry, Duration.ofMinutes(1), 10)).as("together, in order, once the older is due")
                .extracting(StoredWebhook::id).containsExactly(olderStored.id(), newerStored.id());
    }

    @Test
    void givenCorrelationId_whenProcessedOnTheWorker_thenPutBackDuringTheWorkAndRemovedAfter() throws Exception {
        var dispatcher = dispatcher(queued::add);
        var events = List.of(message(ALICE, "wamid.1"));
        dispatcher.submit(stored(events, Optional.of("req-12345678")), events);

        Object[] afterwards = new Object[1];
        Thread checking = new Thread(() -> {
            queued.get(0).run();
            afterwards[0] = MDC.get(WebhookDispatcher.MDC_KEY);
        });
        checking.start();
        checking.join();

        assertThat(inbound.calls()).singleElement().extracting(RecordingInboundMessages.Call::correlationId)
                .isEqualTo(Optional.of("req-12345678"));
        assertThat(afterwards[0]).as("removed after the work").isNull();
    }

    @Test
    void givenAFullDispatcher_whenSubmitted_thenRefusedLeftUnprocessedAndItsLeaseHandedToTheSweeper() {
        var dispatcher = new WebhookDispatcher(inbound, statuses, inbox, transactions, parser, clock, queued::add,
                queued::add, 1, ATTEMPTS, RETRY_AFTER);
        var first = List.of(message(ALICE, "wamid.1"));
        var second = List.of(message(BOB, "wamid.2"));
        StoredWebhook held = stored(first);
        StoredWebhook refused = stored(second);

        assertThat(dispatcher.submit(held, first)).isTrue();
        assertThat(dispatcher.submit(refused, second)).isFalse();

        assertThat(inbound.calls()).isEmpty();
        assertThat(inbox.isProcessed(refused.id())).isFalse();
        assertThat(dispatcher.backlogSuspected()).isTrue();
        assertThat(dispatcher.takeRefused()).containsExactly(refused.id());
        assertThat(dispatcher.takeRefused()).isEmpty();
    }

    @Test
    void givenNoEvents_whenSubmitted_thenMarkedProcessedWithNothingHandedOn() {
        var dispatcher = dispatcher(Runnable::run);
        StoredWebhook stored = stored(List.of());

        assertThat(dispatcher.submit(stored, List.of())).isTrue();
        assertThat(inbound.calls()).isEmpty();
        assertThat(inbox.isProcessed(stored.id())).isTrue();
    }

    @Test
    void givenAStoredWebhook_whenProcessed_thenParsedHandedOnWithItsCorrelationIdAndMarkedProcessed() {
        var dispatcher = dispatcher(queued::add);
        StoredWebhook stored = inbox.store("whatsapp", Fixtures.webhook("text"), Instant.EPOCH,
                Optional.of("req-sweep"));

        dispatcher.process(stored);

        assertThat(inbound.calls()).singleElement().extracting(RecordingInboundMessages.Call::correlationId)
                .isEqualTo(Optional.of("req-sweep"));
        assertThat(inbox.isProcessed(stored.id())).isTrue();
        assertThat(inbox.claimDue(Instant.EPOCH.plus(Duration.ofDays(1)), Duration.ofSeconds(60), 10)).isEmpty();
        assertThat(queued).as("on the caller's thread").isEmpty();
    }

    @Test
    void givenRealExecutors_whenShutDown_thenHeldWorkIsDrainedAndWhatIsLeftGoesBackToTheInbox() throws Exception {
        var dispatcher = new WebhookDispatcher(inbound, statuses, inbox, transactions, new ObjectMapper(), clock,
                Optional.empty(), 1, 10, ATTEMPTS, "10s");
        var events = List.of(message(BOB, "wamid.1"), message(BOB, "wamid.2"));
        dispatcher.submit(stored(events), events);
        CountDownLatch never = inbound.holdPayTaps();
        var stuck = List.of(message(ALICE, "wamid.PAY", new InboundContent.ButtonTap("pay_INV-7K3Q9X")));
        StoredWebhook stuckStored = stored(stuck);
        dispatcher.submit(stuckStored, stuck);
        var behind = List.of(message(ALICE, "wamid.A2"));
        StoredWebhook behindStored = stored(behind);
        dispatcher.submit(behindStored, behind);
        eventually(Duration.ofSeconds(5), () -> handedOn().containsAll(List.of("wamid.2", "wamid.PAY")));

        dispatcher.shutdown();

        assertThat(inbound.calls()).filteredOn(c -> !c.message().providerMessageId().equals("wamid.PAY"))
                .extracting(RecordingInboundMessages.Call::thread).allMatch(t -> t.startsWith("whatsapp-webhook-"));
        assertThat(handedOn()).doesNotContain("wamid.A2");
        eventually(Duration.ofSeconds(5), () -> current(stuckStored).failures() == 1);
        assertThat(inbox.claimDue(clock.instant().plus(RETRY_AFTER), Duration.ofMinutes(1), 10))
                .as("the one left behind was given back, not kept leased for a minute")
                .extracting(StoredWebhook::id).containsExactly(stuckStored.id(), behindStored.id());
        never.countDown();
    }
}
