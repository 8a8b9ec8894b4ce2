package ke.invoiceiq.bootstrap.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import ke.invoiceiq.adapters.memory.RecordingChatMessenger;
import ke.invoiceiq.application.messaging.DispatchOutboxService;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.settings.DispatchSettings;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.bootstrap.testing.Database;
import ke.invoiceiq.bootstrap.testing.Outboxes;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.MessageLog;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.Pacing;
import ke.invoiceiq.domain.messaging.SendResult;
import ke.invoiceiq.domain.messaging.SendSlots;
import ke.invoiceiq.domain.messaging.SmsMessenger;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Tracing;
import ke.invoiceiq.domain.shared.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WhatsApp's limits hold for the business number when two instances dispatch against one PostgreSQL: the turns are
 * taken in the database, so one person never gets two messages within the pair interval, and the number never sends
 * more than its throughput in a second, whichever instance sends.
 */
@QuarkusTest
class PacingAcrossInstancesTest {

    private static final Duration PAIR = Duration.ofSeconds(1);
    private static final Duration RUN_FOR = Duration.ofMillis(3_500);

    @Inject
    Outbox outbox;

    @Inject
    OutboxWriter writer;

    @Inject
    SmsMessenger sms;

    @Inject
    SendSlots slots;

    @Inject
    CustomerDirectory customers;

    @Inject
    InvoiceRepository invoices;

    @Inject
    MessageLog messageLog;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Inject
    IdGenerator ids;

    @Inject
    DomainEvents events;

    @Inject
    MerchantSettings merchant;

    @Inject
    Tracing tracing;

    @Inject
    Database db;

    /**
     * An earlier test class whose clock ran ahead may have used up the business number's turns for a second still to
     * come here (a slot up to a minute ahead holds, see SendSlots.CLOCK_SKEW); this class counts turns from nothing.
     */
    @BeforeEach
    void forgetEarlierTests() {
        Outboxes.forgetEarlierTests(db);
    }

    private record Send(Msisdn to, Instant at) {
    }

    @Test
    void givenTwoInstances_whenBothDispatchManyMessagesToOnePerson_thenTheyAreAtLeastThePairIntervalApart()
            throws Exception {
        Msisdn customer = Customers.fresh();
        for (int i = 0; i < 6; i++) {
            queue(customer, "Answer " + i);
        }

        List<Send> sends = runTwoInstances(new Pacing(PAIR, 80), customer);

        List<Instant> toCustomer = sends.stream().filter(s -> s.to().equals(customer)).map(Send::at).sorted()
                .toList();
        assertThat(toCustomer).as("one a second over %s, whichever instance sends", RUN_FOR)
                .hasSizeBetween(3, 4);
        for (int i = 1; i < toCustomer.size(); i++) {
            assertThat(Duration.between(toCustomer.get(i - 1), toCustomer.get(i)))
                    .isGreaterThanOrEqualTo(PAIR.minusMillis(50));
        }
    }

    @Test
    void givenTwoInstances_whenBothDispatchToManyPeople_thenTheNumberSendsNoMoreThanItsThroughputInASecond()
            throws Exception {
        List<Msisdn> crowd = IntStream.range(0, 12).mapToObj(i -> Customers.fresh()).toList();
        crowd.forEach(person -> queue(person, "Hello"));

        List<Send> sends = runTwoInstances(new Pacing(PAIR, 3), crowd.getFirst());

        Map<Instant, Long> perSecond = sends.stream().filter(s -> crowd.contains(s.to()))
                .collect(Collectors.groupingBy(s -> s.at().truncatedTo(ChronoUnit.SECONDS), Collectors.counting()));
        assertThat(perSecond.values()).as("sends in each second, both instances together")
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(3));
        assertThat(sends.stream().filter(s -> crowd.contains(s.to())).count()).as("and they do go out")
                .isGreaterThanOrEqualTo(3);
    }

    private void queue(Msisdn to, String text) {
        transactions.inTransaction(() -> {
            writer.toCustomer(to, MessagePurpose.REPLY, Optional.empty(), OutboundContent.text(text));
            return null;
        });
    }

    /** Two dispatchers, as two instances would run them, dispatching over and over for {@link #RUN_FOR}. */
    private List<Send> runTwoInstances(Pacing pacing, Msisdn watched) throws Exception {
        var phones = new RecordingChatMessenger();
        var sends = new CopyOnWriteArrayList<Send>();
        ChatMessenger timed = new ChatMessenger() {
            @Override
            public SendResult send(ChatMessage message) {
                sends.add(new Send(message.to(), clock.instant()));
                return phones.send(message);
            }

            @Override
            public boolean hasInvoiceTemplate() {
                return false;
            }
        };
        DispatchSettings settings = new DispatchSettings(2, DispatchSettings.DEFAULT.lease(),
                DispatchSettings.DEFAULT.maxAttempts(), DispatchSettings.DEFAULT.initialBackoff(),
                DispatchSettings.DEFAULT.maxBackoff(), pacing);
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Integer> instance = () -> {
            together.await();
            // built by hand, not taken from Core, on purpose: each instance needs the timed provider and this pacing
            var dispatcher = new DispatchOutboxService(outbox, timed, sms, slots, customers, invoices, messageLog,
                    transactions, clock, ids, events, merchant, settings, tracing);
            Instant end = Instant.now().plus(RUN_FOR);
            int sent = 0;
            while (Instant.now().isBefore(end)) {
                sent += dispatcher.dispatch().sent();
                Thread.sleep(20);
            }
            return sent;
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = two.submit(instance);
            Future<Integer> second = two.submit(instance);
            assertThat(first.get() + second.get()).isPositive();
        } finally {
            two.shutdownNow();
        }
        assertThat(sends).as("sends to %s", watched.masked()).isNotEmpty();
        return List.copyOf(sends);
    }
}
