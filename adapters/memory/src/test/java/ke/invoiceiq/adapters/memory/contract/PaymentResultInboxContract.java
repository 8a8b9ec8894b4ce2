package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.callback;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.checkoutRequestId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.PaymentResultInbox;
import ke.invoiceiq.domain.payment.StkResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PaymentResultInbox} must do. Marking a result processed is idempotent (the first time
 * stays) and marking an id never stored changes nothing. The retention purge deletes results processed strictly
 * before the cutoff (one processed exactly at it stays), never one not processed yet, at most {@code limit} per
 * call, and answers how many it deleted.
 */
public abstract class PaymentResultInboxContract {

    /** An empty inbox; called once before each test. */
    protected abstract PaymentResultInbox inbox();

    private PaymentResultInbox inbox;

    @BeforeEach
    void startEmpty() {
        inbox = inbox();
    }

    @Test
    void keepsAResultUntilItIsProcessed() {
        PaymentResult result = callback(1, at(10));

        assertThat(inbox.store(result)).isTrue();
        assertThat(inbox.findUnprocessed(checkoutRequestId(1))).contains(result);
        assertThat(inbox.findUnprocessed(checkoutRequestId(2))).isEmpty();

        inbox.markProcessed(checkoutRequestId(1), at(11));
        assertThat(inbox.findUnprocessed(checkoutRequestId(1))).isEmpty();
    }

    @Test
    void keepsOnlyTheFirstResultOfACheckoutRequest() {
        PaymentResult first = callback(1, at(10));
        PaymentResult repeat = PaymentResult.fromQuery(checkoutRequestId(1), StkResult.of(1032), at(20));
        inbox.store(first);

        assertThat(inbox.store(repeat)).isFalse();
        assertThat(inbox.findUnprocessed(checkoutRequestId(1))).contains(first);
    }

    @Test
    void refusesAResultAgainOnceItWasProcessed() {
        inbox.store(callback(1, at(10)));
        inbox.markProcessed(checkoutRequestId(1), at(11));

        assertThat(inbox.store(callback(1, at(20)))).isFalse();
        assertThat(inbox.findUnprocessed(checkoutRequestId(1))).isEmpty();
    }

    @Test
    void marksIdempotentlyAndIgnoresUnknownIds() {
        inbox.store(callback(1, at(10)));
        inbox.markProcessed(checkoutRequestId(1), at(11));
        inbox.markProcessed(checkoutRequestId(1), at(12));
        inbox.markProcessed(checkoutRequestId(2), at(12));

        assertThat(inbox.findUnprocessed(checkoutRequestId(1))).isEmpty();
        assertThat(inbox.store(callback(2, at(13)))).isTrue();
    }

    @Test
    void listsUnprocessedResultsReceivedBeforeTheCutoffOldestFirst() {
        PaymentResult later = callback(1, at(30));
        PaymentResult earlier = callback(2, at(10));
        PaymentResult processed = callback(3, at(5));
        PaymentResult recent = PaymentResult.fromQuery(checkoutRequestId(4), StkResult.of(1037), at(60));
        inbox.store(later);
        inbox.store(earlier);
        inbox.store(processed);
        inbox.store(recent);
        inbox.markProcessed(checkoutRequestId(3), at(6));

        assertThat(inbox.unprocessedBefore(at(60), 10)).containsExactly(earlier, later);
        assertThat(inbox.unprocessedBefore(at(61), 10)).containsExactly(earlier, later, recent);
        assertThat(inbox.unprocessedBefore(at(61), 1)).containsExactly(earlier);
        assertThat(inbox.unprocessedBefore(at(10), 10)).isEmpty();
    }

    @Test
    void keepsExactlyOneOfManyConcurrentDeliveriesOfOneCallback() throws InterruptedException {
        var stored = Concurrently.run(20, i -> inbox.store(callback(1, at(i))));

        assertThat(stored).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(inbox.unprocessedBefore(at(100), 10)).hasSize(1);
    }

    @Test
    void givenResultsProcessedBeforeAtAndAfterTheCutoff_whenPurged_thenOnlyTheOlderProcessedAreDeleted() {
        inbox.store(callback(1, at(0)));
        inbox.store(callback(2, at(0)));
        inbox.store(callback(3, at(0)));
        inbox.markProcessed(checkoutRequestId(1), at(10));
        inbox.markProcessed(checkoutRequestId(2), at(20));
        inbox.markProcessed(checkoutRequestId(3), at(21));

        assertThat(inbox.purgeProcessedBefore(at(20), 100)).isEqualTo(1);

        assertThat(inbox.store(callback(2, at(30)))).as("processed at the cutoff: kept").isFalse();
        assertThat(inbox.store(callback(3, at(30)))).as("processed after the cutoff: kept").isFalse();
        assertThat(inbox.store(callback(1, at(30)))).as("forgotten, so stored again").isTrue();
    }

    @Test
    void givenAnUnprocessedResultReceivedLongAgo_whenPurged_thenItIsNeverDeleted() {
        PaymentResult waiting = callback(1, at(0));
        inbox.store(waiting);
        inbox.store(callback(2, at(0)));
        inbox.markProcessed(checkoutRequestId(2), at(1));

        assertThat(inbox.purgeProcessedBefore(at(1_000_000), 100)).isEqualTo(1);

        assertThat(inbox.findUnprocessed(checkoutRequestId(1))).contains(waiting);
        assertThat(inbox.unprocessedBefore(at(1_000_000), 10)).containsExactly(waiting);
        assertThat(inbox.purgeProcessedBefore(at(1_000_000), 100)).isZero();
    }

    @Test
    void givenMoreExpiredResultsThanTheLimit_whenPurgedRepeatedly_thenEachCallDeletesAtMostTheLimit() {
        for (int i = 1; i <= 5; i++) {
            inbox.store(callback(i, at(0)));
            inbox.markProcessed(checkoutRequestId(i), at(i));
        }

        assertThat(inbox.purgeProcessedBefore(at(100), 0)).isZero();
        assertThatThrownBy(() -> inbox.purgeProcessedBefore(at(100), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(inbox.purgeProcessedBefore(at(100), 2)).isEqualTo(2);
        assertThat(inbox.purgeProcessedBefore(at(100), 2)).isEqualTo(2);
        assertThat(inbox.purgeProcessedBefore(at(100), 2)).isEqualTo(1);
        assertThat(inbox.purgeProcessedBefore(at(100), 2)).isZero();
    }
}
