package ke.invoiceiq.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DirectTransactionsTest {

    private final DirectTransactions transactions = new DirectTransactions();

    @Test
    void runsUnitsOfWorkOneAtATime() throws Exception {
        var firstInside = new CountDownLatch(1);
        var letFirstFinish = new CountDownLatch(1);
        var secondRan = new AtomicBoolean();

        var first = CompletableFuture.runAsync(() -> transactions.run(() -> {
            firstInside.countDown();
            await(letFirstFinish);
        }));
        assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();
        var second = CompletableFuture.runAsync(() -> transactions.run(() -> secondRan.set(true)));

        Thread.sleep(50);
        assertThat(secondRan).isFalse();
        letFirstFinish.countDown();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertThat(secondRan).isTrue();
    }

    @Test
    void letsANestedUnitJoinTheOuterOne() {
        String answer = transactions.inTransaction(() -> transactions.inTransaction(() -> "inner"));

        assertThat(answer).isEqualTo("inner");
        assertThat(transactions.isActive()).isFalse();
    }

    @Test
    void keepsWhatFailedWorkWroteBecauseThereIsNoRollback() {
        var seen = new InMemoryInboundEventLog();

        assertThatThrownBy(() -> transactions.run(() -> {
            seen.firstSeen("whatsapp", "wamid.1", MutableClock.DEFAULT_START);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(seen.firstSeen("whatsapp", "wamid.1", MutableClock.DEFAULT_START)).isFalse();
        assertThat(transactions.isActive()).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
