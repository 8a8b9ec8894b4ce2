package ke.invoiceiq.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.shared.Transactions;
import org.junit.jupiter.api.Test;

/** The gauge shows the last count; only {@code refresh} counts, inside a unit of work. */
class OutboxPendingGaugeTest {

    private final AtomicLong queued = new AtomicLong();
    private final AtomicInteger counts = new AtomicInteger();
    private final AtomicInteger transactionsOpened = new AtomicInteger();
    private volatile boolean databaseDown;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** Only {@code countPending} is expected; anything else is a mistake of the gauge. */
    private final Outbox outbox = (Outbox) Proxy.newProxyInstance(Outbox.class.getClassLoader(),
            new Class<?>[] {Outbox.class}, (proxy, method, args) -> {
                if (!method.getName().equals("countPending")) {
                    throw new AssertionError("the gauge only counts: " + method.getName());
                }
                if (databaseDown) {
                    throw new IllegalStateException("connection refused");
                }
                counts.incrementAndGet();
                return queued.get();
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

    @Test
    void givenMessagesQueued_whenScrapedWithoutARefresh_thenTheOutboxIsNotAskedAndTheLastCountShows() {
        var pending = new OutboxPendingGauge(outbox, transactions, registry);
        queued.set(7);

        double scraped = gauge();

        assertThat(scraped).isZero();
        assertThat(counts).hasValue(0);
        assertThat(pending.pending()).isZero();
    }

    @Test
    void givenMessagesQueued_whenRefreshed_thenTheGaugeShowsTheCountTakenInATransaction() {
        var pending = new OutboxPendingGauge(outbox, transactions, registry);
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
        var pending = new OutboxPendingGauge(outbox, transactions, registry);
        queued.set(5);
        pending.refresh();
        databaseDown = true;

        pending.refresh();

        assertThat(gauge()).isEqualTo(5);
    }
}
