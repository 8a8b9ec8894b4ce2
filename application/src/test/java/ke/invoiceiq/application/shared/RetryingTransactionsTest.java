package ke.invoiceiq.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import ke.invoiceiq.adapters.memory.DirectTransactions;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;
import org.junit.jupiter.api.Test;

class RetryingTransactionsTest {

    private final RetryingTransactions transactions = new RetryingTransactions(new DirectTransactions());

    @Test
    void givenConcurrentChangeOnce_whenRun_thenTheWorkIsRunAgainAndSucceeds() {
        var tries = new AtomicInteger();

        String result = transactions.inTransaction(() -> {
            if (tries.incrementAndGet() == 1) {
                throw new ConcurrentUpdateException("invoice");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(tries).hasValue(2);
    }

    @Test
    void givenConcurrentChangeEveryTime_whenRun_thenGivesUpAfterThreeTries() {
        var tries = new AtomicInteger();

        assertThatThrownBy(() -> transactions.run(() -> {
            tries.incrementAndGet();
            throw new ConcurrentUpdateException("invoice");
        })).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(tries).hasValue(RetryingTransactions.ATTEMPTS);
    }

    @Test
    void givenAnyOtherFailure_whenRun_thenNotRetried() {
        var tries = new AtomicInteger();

        assertThatThrownBy(() -> transactions.run(() -> {
            tries.incrementAndGet();
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(tries).hasValue(1);
    }
}
