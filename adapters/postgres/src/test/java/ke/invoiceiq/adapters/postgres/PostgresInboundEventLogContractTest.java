package ke.invoiceiq.adapters.postgres;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import ke.invoiceiq.adapters.memory.contract.InboundEventLogContract;
import ke.invoiceiq.domain.messaging.InboundEventLog;
import ke.invoiceiq.domain.shared.Transactions;
import org.junit.jupiter.api.Test;

/**
 * The {@link InboundEventLogContract} against PostgreSQL, through the bean the application would get; and the mark
 * inside a unit of work, which is how the inbound use case makes it: undone with the unit, and a second delivery
 * handled at the same moment waits for the first one's outcome.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PostgresInboundEventLogContractTest extends InboundEventLogContract {

    @Inject
    TestDatabase database;

    @Inject
    InboundEventLog port;

    @Inject
    Transactions transactions;

    @Override
    protected InboundEventLog log() {
        database.clean();
        return port;
    }

    @Test
    void givenTheMarkIsMadeInAUnitThatFails_whenTheUnitRollsBack_thenTheEventIsStillFirstSeen() {
        assertThatThrownBy(() -> transactions.run(() -> {
            assertThat(port.firstSeen("whatsapp", "wamid.1", at(0))).isTrue();
            throw new IllegalStateException("handling failed");
        })).hasMessage("handling failed");

        assertThat(port.seen("whatsapp", "wamid.1")).isFalse();
        assertThat(transactions.inTransaction(() -> port.firstSeen("whatsapp", "wamid.1", at(1)))).isTrue();
    }

    @Test
    void givenAMarkNotYetCommitted_whenTheSameEventIsMarkedConcurrently_thenItWaitsAndIsFirstOnlyIfTheOtherRollsBack()
            throws Exception {
        assertThat(secondMarkWhileTheFirstIs(false)).as("the first unit committed").isFalse();
        database.clean();
        assertThat(secondMarkWhileTheFirstIs(true)).as("the first unit rolled back").isTrue();
    }

    /** Marks wamid.1 in a unit held open until a second unit has tried to mark it too; answers the second's result. */
    private boolean secondMarkWhileTheFirstIs(boolean rolledBack) throws Exception {
        var marked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try {
                transactions.run(() -> {
                    port.firstSeen("whatsapp", "wamid.1", at(0));
                    marked.countDown();
                    await(release);
                    if (rolledBack) {
                        throw new IllegalStateException("handling failed");
                    }
                });
            } catch (IllegalStateException expected) {
                // the rolled-back case
            }
        });
        assertThat(marked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(
                () -> transactions.inTransaction(() -> port.firstSeen("whatsapp", "wamid.1", at(1))));
        Thread.sleep(300);
        assertThat(second).as("waits for the first unit's outcome").isNotDone();
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        return second.get(10, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
