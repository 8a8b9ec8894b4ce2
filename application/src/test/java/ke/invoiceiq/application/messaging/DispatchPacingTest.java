package ke.invoiceiq.application.messaging;

import static ke.invoiceiq.application.messaging.MessagingWorld.CUSTOMER;
import static ke.invoiceiq.application.messaging.MessagingWorld.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import ke.invoiceiq.application.settings.DispatchSettings;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.MessageEvent;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.OutboxStatus;
import ke.invoiceiq.domain.messaging.Pacing;
import ke.invoiceiq.domain.messaging.SendResult;
import org.junit.jupiter.api.Test;

/**
 * WhatsApp's limits as the dispatcher keeps them (one message per person per pair interval, the number's
 * throughput), through the shared send slots, and waiting that never counts as a try.
 */
class DispatchPacingTest {

    @Test
    void givenTenRepliesToOnePerson_whenDispatchedOverAMinute_thenOneEverySixSecondsAndNoneGivenUp() {
        var world = new MessagingWorld();
        for (int i = 0; i < 10; i++) {
            world.writer.toCustomer(CUSTOMER, MessagePurpose.REPLY, Optional.empty(),
                    OutboundContent.text("Answer " + i));
        }
        var phone = new TimedChat(world);
        var dispatcher = world.dispatcher(world.ports.outbox(), phone, world.ports.sms());

        for (int second = 0; second <= 60; second++) {
            dispatcher.dispatch();
            world.advance(Duration.ofSeconds(1));
        }

        assertThat(phone.sentAt).hasSize(10);
        for (int i = 1; i < phone.sentAt.size(); i++) {
            assertThat(Duration.between(phone.sentAt.get(i - 1), phone.sentAt.get(i)))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(6));
        }
        assertThat(world.outbox(CUSTOMER, MessagePurpose.REPLY)).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.SENT);
            assertThat(m.attempts()).as("waiting for a turn is no try").isEqualTo(1);
        });
    }

    @Test
    void givenAnOpenBreaker_whenAMessageIsDeferredMoreOftenThanItMayBeTried_thenItIsNeverGivenUp() {
        var world = new MessagingWorld();
        world.writer.toCustomer(CUSTOMER, MessagePurpose.REPLY, Optional.empty(),
                OutboundContent.text(BotCopy.customerHelp()));
        int moreThanAllowed = world.settings.maxAttempts() + 3;
        for (int i = 0; i < moreThanAllowed; i++) {
            world.ports.chat().respondWith(new SendResult.Deferred("circuit-open", Duration.ofSeconds(5)));
        }

        List<DispatchReport> runs = new ArrayList<>();
        for (int i = 0; i <= moreThanAllowed; i++) {
            runs.add(world.dispatch());
            world.advance(Duration.ofSeconds(6));
        }

        assertThat(runs.subList(0, moreThanAllowed)).allSatisfy(run -> assertThat(run.deferred()).isEqualTo(1));
        assertThat(runs.getLast().sent()).isEqualTo(1);
        OutboxMessage reply = world.outbox(CUSTOMER, MessagePurpose.REPLY).getFirst();
        assertThat(reply.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(reply.attempts()).isEqualTo(1);
        assertThat(world.ports.events().published(MessageEvent.Dispatched.class))
                .filteredOn(e -> e.outcome() == MessageEvent.Outcome.DEFERRED).hasSize(moreThanAllowed);
    }

    @Test
    void givenAPacedRecipient_whenDeferred_thenItComesBackWhenTheTurnIsFreeNotAfterTheBackoff() {
        var world = new MessagingWorld();
        Instant start = world.now();
        world.writer.toCustomer(CUSTOMER, MessagePurpose.REPLY, Optional.empty(), OutboundContent.text("one"));
        world.writer.toCustomer(CUSTOMER, MessagePurpose.REPLY, Optional.empty(), OutboundContent.text("two"));

        DispatchReport run = world.dispatch();

        assertThat(run.sent()).isEqualTo(1);
        assertThat(run.deferred()).isEqualTo(1);
        assertThat(world.outbox(CUSTOMER, MessagePurpose.REPLY)).filteredOn(m -> m.status() == OutboxStatus.PENDING)
                .singleElement().satisfies(waiting -> {
                    assertThat(waiting.nextAttemptAt()).isEqualTo(start.plusSeconds(6));
                    assertThat(waiting.attempts()).isZero();
                    assertThat(waiting.lastError()).contains("paced");
                });
    }

    @Test
    void givenTwoInstancesOnOneStore_whenBothDispatchToOnePerson_thenOnlyOneSendsWithinThePairInterval() {
        var world = new MessagingWorld();
        world.writer.toCustomer(CUSTOMER, MessagePurpose.REPLY, Optional.empty(), OutboundContent.text("one"));
        var one = world.dispatcher(world.ports.outbox(), world.ports.chat(), world.ports.sms(),
                smallBatches(world, 1));
        var other = world.dispatcher(world.ports.outbox(), world.ports.chat(), world.ports.sms(),
                smallBatches(world, 1));

        DispatchReport first = one.dispatch();
        world.writer.toCustomer(CUSTOMER, MessagePurpose.REPLY, Optional.empty(), OutboundContent.text("two"));
        DispatchReport second = other.dispatch();

        assertThat(first.sent()).isEqualTo(1);
        assertThat(second.deferred()).as("the other instance sees the turn the first one took").isEqualTo(1);
        assertThat(world.ports.chat().sentTo(CUSTOMER)).hasSize(1);
    }

    @Test
    void givenInvoicesToDistinctCustomers_whenDispatched_thenTheyGoOutAtTheNumbersThroughputAndNoFaster() {
        var world = new MessagingWorld();
        for (int i = 0; i < 12; i++) {
            world.invoiceQueued(MessagingWorld.customer(i));
        }
        var fiveASecond = new DispatchSettings(50, world.settings.lease(), world.settings.maxAttempts(),
                world.settings.initialBackoff(), world.settings.maxBackoff(), new Pacing(Duration.ofSeconds(6), 5));
        var phone = new TimedChat(world);
        var dispatcher = world.dispatcher(world.ports.outbox(), phone, world.ports.sms(), fiveASecond);

        DispatchReport first = dispatcher.dispatch();
        for (int second = 1; second <= 4; second++) {
            world.advance(Duration.ofSeconds(1));
            dispatcher.dispatch();
            dispatcher.dispatch();
        }

        assertThat(first.sent()).isEqualTo(5);
        assertThat(first.deferred()).isEqualTo(7);
        assertThat(phone.to).filteredOn(to -> !to.equals(MERCHANT)).hasSize(12).doesNotHaveDuplicates();
        assertThat(phone.sentAt.stream().collect(Collectors.groupingBy(at -> at, Collectors.counting())).values())
                .as("sends in each second").allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(5));
        assertThat(world.outbox(Channel.WHATSAPP)).filteredOn(m -> m.purpose() == MessagePurpose.INVOICE)
                .allSatisfy(m -> assertThat(m.attempts()).isEqualTo(1));
    }

    @Test
    void givenSmsMessages_whenManyGoToOnePerson_thenNoWhatsAppPacingHoldsThem() {
        var world = new MessagingWorld();
        for (int i = 0; i < 3; i++) {
            world.writer.send(CUSTOMER, Channel.SMS, MessagePurpose.REPLY, Optional.empty(),
                    OutboundContent.text("SMS " + i));
        }

        DispatchReport run = world.dispatch();

        assertThat(run.sent()).isEqualTo(3);
    }

    private static DispatchSettings smallBatches(MessagingWorld world, int size) {
        DispatchSettings s = world.settings;
        return new DispatchSettings(size, s.lease(), s.maxAttempts(), s.initialBackoff(), s.maxBackoff(),
                s.pacing());
    }

    /** WhatsApp as the in-memory stand-in, noting the (test) time of each send. */
    @Test
    void givenASendThatReachedWhatsAppLateInItsTurn_whenTheNextMessageToThatPersonIsDue_thenItWaitsAFullIntervalFromTheAcceptance() {
        var world = new MessagingWorld();
        for (int i = 0; i < 2; i++) {
            world.writer.toCustomer(CUSTOMER, MessagePurpose.REPLY, Optional.empty(),
                    OutboundContent.text("Answer " + i));
        }
        // the first send is accepted 700 ms after its turn was taken (a quick retry inside the adapter, say)
        var phone = new TimedChat(world, Duration.ofMillis(700));
        var dispatcher = world.dispatcher(world.ports.outbox(), phone, world.ports.sms());

        for (int tick = 0; tick <= 100; tick++) {
            dispatcher.dispatch();
            world.advance(Duration.ofMillis(100));
        }

        assertThat(phone.acceptedAt).hasSize(2);
        assertThat(Duration.between(phone.acceptedAt.get(0), phone.sentAt.get(1)))
                .as("Meta counts the pair interval between the messages it accepts")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void givenMessagesToOnePersonWaitingForTheSameTurn_whenTheTurnComes_thenTheyGoInTheOrderTheyWereQueued() {
        var world = new MessagingWorld();
        world.writer.toCustomer(MERCHANT, MessagePurpose.REPLY, Optional.empty(), OutboundContent.text("First."));
        world.dispatch();
        world.writer.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.empty(), OutboundContent.text("Paid A."));
        world.writer.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.empty(), OutboundContent.text("Paid B."));
        world.writer.toCustomer(MERCHANT, MessagePurpose.REPLY, Optional.empty(),
                OutboundContent.text("Not cancelled: it is already paid."));
        // time passes while the dispatcher works, as it does on a real machine
        Outbox outbox = (Outbox) Proxy.newProxyInstance(Outbox.class.getClassLoader(), new Class<?>[] {Outbox.class},
                (proxy, method, args) -> {
                    world.advance(Duration.ofMillis(3));
                    try {
                        return method.invoke(world.ports.outbox(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        var dispatcher = world.dispatcher(outbox, world.ports.chat(), world.ports.sms());

        for (int tick = 0; tick < 40; tick++) {
            dispatcher.dispatch();
            world.advance(Duration.ofMillis(500));
        }

        List<String> received = world.ports.chat().sentTo(MERCHANT).stream()
                .map(m -> ((ChatMessage.Text) m).body()).toList();
        assertThat(received).hasSize(3);
        assertThat(received.get(1)).contains("Paid A.").contains("Paid B.");
        assertThat(received.get(2)).isEqualTo("Not cancelled: it is already paid.");
    }

    private static final class TimedChat implements ChatMessenger {

        final List<Instant> sentAt = new ArrayList<>();
        final List<Instant> acceptedAt = new ArrayList<>();
        final List<Msisdn> to = new ArrayList<>();
        private final MessagingWorld world;
        private final Duration takes;

        TimedChat(MessagingWorld world) {
            this(world, Duration.ZERO);
        }

        TimedChat(MessagingWorld world, Duration takes) {
            this.world = world;
            this.takes = takes;
        }

        @Override
        public synchronized SendResult send(ChatMessage message) {
            sentAt.add(world.now());
            to.add(message.to());
            if (!takes.isZero()) {
                world.advance(takes);
            }
            acceptedAt.add(world.now());
            return world.ports.chat().send(message);
        }

        @Override
        public boolean hasInvoiceTemplate() {
            return false;
        }
    }
}
