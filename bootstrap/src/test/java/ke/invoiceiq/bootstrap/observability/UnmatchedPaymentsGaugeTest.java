package ke.invoiceiq.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import ke.invoiceiq.domain.payment.UnmatchedPayments;
import ke.invoiceiq.domain.shared.Transactions;
import org.junit.jupiter.api.Test;

/** The open unmatched payments gauge shows the last count; only {@code refresh} counts, inside a unit of work. */
class UnmatchedPaymentsGaugeTest {

    private final AtomicLong open = new AtomicLong();
    private final AtomicInteger counts = new AtomicInteger();
    private final AtomicInteger transactionsOpened = new AtomicInteger();
    private volatile boolean databaseDown;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** Only {@code countOpen} is expected; anything else is a mistake of the gauge. */
    private final UnmatchedPayments unmatched = (UnmatchedPayments) Proxy.newProxyInstance(
            UnmatchedPayments.class.getClassLoader(), new Class<?>[] {UnmatchedPayments.class},
            (proxy, method, args) -> {
                if (!method.getName().equals("countOpen")) {
                    throw new AssertionError("the gauge only counts: " + method.getName());
                }
                if (databaseDown) {
                    throw new IllegalStateException("connection refused");
                }
                counts.incrementAndGet();
                return open.get();
            });

    private final Transactions transactions = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            transactionsOpened.incrementAndGet();
            return work.get();
        }
    };

    private double gauge() {
        return registry.get("invoiceiq.unmatched.payments.open").gauge().value();
    }

    @Test
    void givenOpenUnmatchedPayments_whenScrapedWithoutARefresh_thenNothingIsCountedAndTheLastCountShows() {
        var gauge = new UnmatchedPaymentsGauge(unmatched, transactions, registry);
        open.set(2);

        assertThat(gauge()).isZero();
        assertThat(counts).hasValue(0);
        assertThat(gauge.open()).isZero();
    }

    @Test
    void givenOpenUnmatchedPayments_whenRefreshed_thenTheGaugeShowsTheCountTakenInATransaction() {
        var gauge = new UnmatchedPaymentsGauge(unmatched, transactions, registry);
        open.set(2);

        gauge.refresh();
        double first = gauge();
        open.set(0);
        gauge.refresh();

        assertThat(first).isEqualTo(2);
        assertThat(gauge()).isZero();
        assertThat(transactionsOpened).hasValue(2);
    }

    @Test
    void givenTheCountFails_whenRefreshed_thenTheLastValueStaysAndNothingIsThrown() {
        var gauge = new UnmatchedPaymentsGauge(unmatched, transactions, registry);
        open.set(4);
        gauge.refresh();
        databaseDown = true;

        gauge.refresh();

        assertThat(gauge()).isEqualTo(4);
    }
}
