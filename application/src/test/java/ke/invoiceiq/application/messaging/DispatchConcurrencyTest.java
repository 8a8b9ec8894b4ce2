package ke.invoiceiq.application.messaging;

import static ke.invoiceiq.application.messaging.MessagingWorld.customer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import ke.invoiceiq.application.settings.DispatchSettings;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.OutboxStatus;
import ke.invoiceiq.domain.messaging.Pacing;
import ke.invoiceiq.domain.messaging.SendResult;
import ke.invoiceiq.domain.messaging.SmsMessenger;
import org.junit.jupiter.api.Test;

/**
 * Sends side by side: up to the concurrency at once, so a slow provider does not set the pace; one recipient's
 * messages one after the other in the order queued; a run that claims again while its claims come back full; and
 * the number's throughput kept within one run, waiting for a turn never counted as a try.
 */
class DispatchConcurrencyTest {

    private static final int SIDE_BY_SIDE = 8;

    @Test
    void givenASlowProviderAndManyCustomers_whenDispatched_thenSendsAreInFlightTogetherUpToTheConcurrency()
            throws InterruptedException {
        var world = new MessagingWorld();
        for (int i = 0; i < 40; i++) {
            world.writer.toCustomer(customer(i), MessagePurpose.REPLY, Optional.empty(),
                    OutboundContent.text("Answer " + i));
        }
        var provider = new HeldProvider(world, SIDE_BY_SIDE);

        DispatchReport report = world.dispatcher(world.ports.outbox(), provider, world.ports.sms()).dispatch();

        assertThat(provider.allHeldTogether.get()).as("%d sends were in flight at once", SIDE_BY_SIDE).isTrue();
        assertThat(provider.mostInFlight.get()).isLessThanOrEqualTo(world.settings.concurrency());
        assertThat(report.sent()).isEqualTo(40);
        assertThat(world.ports.chat().sent()).hasSize(40);
        assertThat(world.ports.chat().sent()).extracting(ChatMessage::to).doesNotHaveDuplicates();
    }

    @Test
    void givenSeveralMessagesToOnePersonAmongOthers_whenDispatched_thenTheyGoOneAtATimeInTheOrderQueued() {
        var world = new MessagingWorld();
        Msisdn one = customer(1);
        for (int i = 0; i < 12; i++) {
            world.writer.send(customer(100 + i), Channel.SMS, MessagePurpose.REPLY, Optional.empty(),
                    OutboundContent.text("Other " + i));
            if (i % 3 == 0) {
                world.writer.send(one, Channel.SMS, MessagePurpose.REPLY, Optional.empty(),
                        OutboundContent.text("Step " + i / 3));
            }
        }
        var sms = new OverlapWatchingSms();

        DispatchReport report = world.dispatcher(world.ports.outbox(), world.ports.chat(), sms).dispatch();

        assertThat(report.sent()).isEqualTo(16);
        assertThat(sms.textsTo(one)).containsExactly("Step 0", "Step 1", "Step 2", "Step 3");
        assertThat(sms.overlapped.get()).as("two sends to one person in flight at once").isFalse();
    }

    @Test
    void givenMoreThanOneClaimDue_whenDispatchedOnce_thenTheRunClaimsAgainUntilAClaimComesBackShort() {
        var world = new MessagingWorld();
        for (int i = 0; i < 12; i++) {
            world.writer.send(customer(i), Channel.SMS, MessagePurpose.REPLY, Optional.empty(),
                    OutboundContent.text("Answer " + i));
        }
        var smallClaims = new DispatchSettings(5, Duration.ofSeconds(60), 3, Duration.ofSeconds(5),
                Duration.ofMinutes(30));

        DispatchReport report = world.dispatcher(world.ports.outbox(), world.ports.chat(), world.ports.sms(),
                smallClaims).dispatch();

        assertThat(report.claimed()).isEqualTo(12);
        assertThat(report.sent()).isEqualTo(12);
        assertThat(world.outbox()).allSatisfy(m -> assertThat(m.status()).isEqualTo(OutboxStatus.SENT));
    }

    @Test
    void givenMoreWhatsAppSendsThanTheNumbersNextSecond_whenTheClockStands_thenTheRestWaitWithoutATryCounted() {
        var world = new MessagingWorld();
        for (int i = 0; i < 5; i++) {
            world.writer.toCustomer(customer(i), MessagePurpose.REPLY, Optional.empty(),
                    OutboundContent.text("Answer " + i));
        }
        // three a second: turns 0, 0.35 and 0.69 s from now are within the second ahead, the fourth is not
        var threeASecond = new DispatchSettings(50, Duration.ofSeconds(60), 3, Duration.ofSeconds(5),
                Duration.ofMinutes(30), new Pacing(Duration.ofSeconds(6), 3), DispatchSettings.DEFAULT_CONCURRENCY);

        DispatchReport report = world.dispatcher(world.ports.outbox(), world.ports.chat(), world.ports.sms(),
                threeASecond).dispatch();

        assertThat(report.sent()).isEqualTo(3);
        assertThat(report.deferred()).isEqualTo(2);
        assertThat(world.outbox()).filteredOn(m -> m.status() == OutboxStatus.PENDING).hasSize(2)
                .allSatisfy(waiting -> {
                    assertThat(waiting.attempts()).as("waiting for the number is no try").isZero();
                    assertThat(waiting.lastError()).contains("throughput");
                    assertThat(waiting.nextAttemptAt()).isAfter(world.now());
                });
    }

    /** WhatsApp that holds each send until {@code together} are in flight at once (or, once, 10 s pass), counting them. */
    private static final class HeldProvider implements ChatMessenger {

        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        final AtomicBoolean allHeldTogether = new AtomicBoolean();
        private final AtomicBoolean gaveUp = new AtomicBoolean();
        private final CountDownLatch arrived;
        private final MessagingWorld world;

        HeldProvider(MessagingWorld world, int together) {
            this.world = world;
            this.arrived = new CountDownLatch(together);
        }

        @Override
        public SendResult send(ChatMessage message) {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                arrived.countDown();
                if (!gaveUp.get() && arrived.await(10, TimeUnit.SECONDS)) {
                    allHeldTogether.set(true);
                } else {
                    gaveUp.set(true);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            return world.ports.chat().send(message);
        }

        @Override
        public boolean hasInvoiceTemplate() {
            return false;
        }
    }

    /** SMS that takes a moment per send and notices two sends to one person in flight at once. */
    private static final class OverlapWatchingSms implements SmsMessenger {

        final AtomicBoolean overlapped = new AtomicBoolean();
        private final Map<Msisdn, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        private final List<Map.Entry<Msisdn, String>> sent = new CopyOnWriteArrayList<>();

        @Override
        public SendResult send(Msisdn to, String text) {
            AtomicInteger mine = inFlight.computeIfAbsent(to, k -> new AtomicInteger());
            if (mine.incrementAndGet() > 1) {
                overlapped.set(true);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                mine.decrementAndGet();
            }
            sent.add(Map.entry(to, text));
            return new SendResult.Accepted("sms-" + sent.size() + "-" + to.value());
        }

        List<String> textsTo(Msisdn to) {
            return sent.stream().filter(e -> e.getKey().equals(to)).map(Map.Entry::getValue).toList();
        }
    }
}
