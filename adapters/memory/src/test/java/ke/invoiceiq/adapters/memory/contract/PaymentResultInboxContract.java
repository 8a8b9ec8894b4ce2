package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.callback;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.checkoutRequestId;
import static org.assertj.core.api.Assertions.assertThat;

import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.PaymentResultInbox;
import ke.invoiceiq.domain.payment.StkResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PaymentResultInbox} must do. Marking a result processed is idempotent (the first time
 * stays) and marking an id never stored changes nothing.
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
}
