package ke.invoiceiq.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import ke.invoiceiq.adapters.memory.MutableClock;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.shared.Transactions;
import org.junit.jupiter.api.Test;

/**
 * The gauges show the last count and the age of the last oldest message found; only {@code refresh} looks, inside
 * a unit of work.
 */
class OutboxPendingGaugeTest {

    private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");

    private final AtomicLong queued = new AtomicLong();
    private final AtomicReference<Optional<Instant>> oldest = new AtomicReference<>(Optional.empty());
    private final MutableClock clock = new MutableClock(T0);
    private final AtomicInteger counts = new AtomicInteger();
    private final AtomicInteger transactionsOpened = new AtomicInteger();
    private volatile boolean databaseDown;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** Only {@code countPending} and {@code oldestPendingSince} are expected; anything else is a mistake. */
    private final Outbox outbox = (Outbox) Proxy.newProxyInstance(Outbox.class.getClassLoader(),
            new Class<?>[] {Outbox.class}, (proxy, method, args) -> {
                if (databaseDown) {
                    throw new IllegalStateException("connection refused");
                }
                return switch (method.getName()) {
                    case "countPending" -> {
                        counts.incrementAndGet();
                        yield queued.get();
                    }
                    case "oldestPendingSince" -> oldest.get();
                    default -> throw new AssertionError("the gauge only looks: " + method.getName());
                };
            });

    private final Transactions transactions = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            transactionsOpened.incrementAndGet();
            return work.get();
        }
    };

    private double gauge() {
        return registry.get("invoiceiq.outbox.pending").gauge().value();
    }

    private double age() {
        return registry.get("invoiceiq.outbox.oldest.age").gauge().value();
    }

    @Test
    void givenMessagesQueued_whenScrapedWithoutARefresh_thenTheOutboxIsNotAskedAndTheLastCountShows() {
        var pending = new OutboxPendingGauge(outbox, transactions, clock, registry);
        queued.set(7);

        double scraped = gauge();

        assertThat(scraped).isZero();
        assertThat(age()).isZero();
        assertThat(counts).hasValue(0);
        assertThat(pending.pending()).isZero();
    }

    @Test
    void givenMessagesQueued_whenRefreshed_thenTheGaugeShowsTheCountTakenInATransaction() {
        var pending = new OutboxPendingGauge(outbox, transactions, clock, registry);
        queued.set(7);

        pending.refresh();
        double first = gauge();
        queued.set(3);
        pending.refresh();

        assertThat(first).isEqualTo(7);
        assertThat(gauge()).isEqualTo(3);
        assertThat(counts).hasValue(2);
        assertThat(transactionsOpened).hasValue(2);
    }

    @Test
    void givenTheCountFails_whenRefreshed_thenTheLastValueStaysAndNothingIsThrown() {
        var pending = new OutboxPendingGauge(outbox, transactions, clock, registry);
        queued.set(5);
        pending.refresh();
        databaseDown = true;

        pending.refresh();

        assertThat(gauge()).isEqualTo(5);
    }

    @Test
    void givenAMessageWaiting_whenRefreshedAndTimePasses_thenTheAgeGrowsFromWhenItWasQueued() {
        var gauge = new OutboxPendingGauge(outbox, transactions, clock, registry);
        queued.set(1);
        oldest.set(Optional.of(T0.minusSeconds(90)));

        gauge.refresh();
        double atTheLook = age();
        clock.advance(Duration.ofSeconds(30));

        assertThat(atTheLook).isEqualTo(90);
        assertThat(age()).as("no new look: the age keeps growing").isEqualTo(120);

        oldest.set(Optional.empty());
        gauge.refresh();
        assertThat(age()).isZero();
    }

    @Test
    void givenTheLookFails_whenRefreshed_thenTheAgeKeepsGrowingFromTheLastOldestMessage() {
        var gauge = new OutboxPendingGauge(outbox, transactions, clock, registry);
        oldest.set(Optional.of(T0.minusSeconds(10)));
        gauge.refresh();
        databaseDown = true;
        clock.advance(Duration.ofSeconds(50));

        gauge.refresh();

        assertThat(age()).isEqualTo(60);
    }
}
