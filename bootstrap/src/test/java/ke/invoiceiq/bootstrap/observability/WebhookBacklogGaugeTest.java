package ke.invoiceiq.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import ke.invoiceiq.adapters.memory.MutableClock;
import ke.invoiceiq.domain.messaging.WebhookInbox;
import ke.invoiceiq.domain.shared.Transactions;
import org.junit.jupiter.api.Test;

/** The gauge shows the age of the oldest unprocessed webhook as of the last look; only {@code refresh} looks. */
class WebhookBacklogGaugeTest {

    private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");

    private final AtomicReference<Optional<Instant>> oldest = new AtomicReference<>(Optional.empty());
    private final AtomicInteger looks = new AtomicInteger();
    private final AtomicInteger transactionsOpened = new AtomicInteger();
    private volatile boolean databaseDown;
    private final MutableClock clock = new MutableClock(T0);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** Only {@code oldestUnprocessed} is expected; anything else is a mistake of the gauge. */
    private final WebhookInbox inbox = (WebhookInbox) Proxy.newProxyInstance(WebhookInbox.class.getClassLoader(),
            new Class<?>[] {WebhookInbox.class}, (proxy, method, args) -> {
                if (!method.getName().equals("oldestUnprocessed")) {
                    throw new AssertionError("the gauge only looks: " + method.getName());
                }
                if (databaseDown) {
                    throw new IllegalStateException("connection refused");
                }
                looks.incrementAndGet();
                return oldest.get();
            });

    private final Transactions transactions = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            transactionsOpened.incrementAndGet();
            return work.get();
        }
    };

    private double gauge() {
        return registry.get("invoiceiq.webhook.backlog.age").gauge().value();
    }

    @Test
    void givenAWebhookWaiting_whenScrapedWithoutALook_thenTheInboxIsNotAskedAndZeroShows() {
        new WebhookBacklogGauge(inbox, transactions, clock, registry);
        oldest.set(Optional.of(T0.minusSeconds(90)));

        assertThat(gauge()).isZero();
        assertThat(looks).hasValue(0);
    }

    @Test
    void givenAWebhookWaiting_whenLookedUp_thenItsAgeShowsAndKeepsGrowingUntilTheNextLook() {
        var gauge = new WebhookBacklogGauge(inbox, transactions, clock, registry);
        oldest.set(Optional.of(T0.minusSeconds(90)));

        gauge.refresh();
        double first = gauge();
        clock.advance(Duration.ofSeconds(30));
        double later = gauge();
        oldest.set(Optional.empty());
        gauge.refresh();

        assertThat(first).isEqualTo(90);
        assertThat(later).isEqualTo(120);
        assertThat(gauge()).as("nothing waits any more").isZero();
        assertThat(looks).hasValue(2);
        assertThat(transactionsOpened).hasValue(2);
    }

    @Test
    void givenTheLookFails_whenRefreshed_thenTheLastOldestStaysAndItsAgeGrowsAndNothingIsThrown() {
        var gauge = new WebhookBacklogGauge(inbox, transactions, clock, registry);
        oldest.set(Optional.of(T0.minusSeconds(10)));
        gauge.refresh();
        databaseDown = true;

        clock.advance(Duration.ofSeconds(5));
        gauge.refresh();

        assertThat(gauge()).isEqualTo(15);
    }
}
