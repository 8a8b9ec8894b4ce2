package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.callback;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.checkoutRequestId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.failure;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.receipt;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.payment.KeptResult;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.PaymentResultInbox;
import ke.invoiceiq.domain.payment.StkResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PaymentResultInbox} must do. One CheckoutRequestID may have several results; the same result
 * (CheckoutRequestID, result code and receipt) is kept once while it is kept, processed or not. Each kept result has
 * its own id, increasing in the order stored. Marking a result processed is idempotent (the first time stays) and
 * marking an id never stored changes nothing. A claim takes unprocessed results received strictly before the cutoff
 * that are not leased (no lease, or one ended at or before {@code now}), in turn order: a result's turn is its
 * lease's end once claimed, its arrival before, then the id. The retention purge deletes results processed strictly
 * before the cutoff (one processed exactly at it stays), never one not processed yet, at most {@code limit} per
 * call, and answers how many it deleted.
 */
public abstract class PaymentResultInboxContract {

    private static final String BODY = """
            {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"ws_CO_1",\
            "ResultCode":0,"ResultDesc":"The service request is processed successfully.",\
            "CallbackMetadata":{"Item":[{"Name":"Amount","Value":2500.00},{"Name":"MpesaReceiptNumber",\
            "Value":"NLJ7RT61SV"}]}}}}
              \t
            """;

    /** An empty inbox; called once before each test. */
    protected abstract PaymentResultInbox inbox();

    /** The body kept with result {@code keptId}, as stored: the port itself never reads it back. */
    protected abstract Optional<String> rawBody(long keptId);

    private PaymentResultInbox inbox;

    @BeforeEach
    void startEmpty() {
        inbox = inbox();
    }

    @Test
    void givenAStoredResult_whenProcessed_thenItIsNoLongerUnprocessed() {
        PaymentResult result = callback(1, at(10));

        assertThat(inbox.store(result, Optional.empty())).isTrue();
        List<KeptResult> kept = inbox.unprocessed(checkoutRequestId(1));
        assertThat(kept).extracting(KeptResult::result).containsExactly(result);
        assertThat(inbox.unprocessed(checkoutRequestId(2))).isEmpty();

        inbox.markProcessed(kept.getFirst().id(), at(11));
        assertThat(inbox.unprocessed(checkoutRequestId(1))).isEmpty();
    }

    @Test
    void givenTwoDifferentResultsForOneCheckoutRequest_whenStored_thenBothAreKeptOldestFirst() {
        PaymentResult unreachable = failure(1, 1037, at(10));
        PaymentResult paid = callback(1, at(20));

        assertThat(inbox.store(paid, Optional.empty())).isTrue();
        assertThat(inbox.store(unreachable, Optional.empty())).isTrue();

        List<KeptResult> kept = inbox.unprocessed(checkoutRequestId(1));
        assertThat(kept).extracting(KeptResult::result).containsExactly(unreachable, paid);
        assertThat(kept.get(1).id()).as("ids follow the order stored").isLessThan(kept.get(0).id());
    }

    @Test
    void givenAResultKeptAlready_whenTheSameIsToldAgain_thenItIsKeptOnce() {
        PaymentResult first = callback(1, at(10));
        inbox.store(first, Optional.of(BODY));

        assertThat(inbox.store(callback(1, at(20)), Optional.of("{}"))).isFalse();
        assertThat(inbox.store(failure(2, 1032, at(30)), Optional.empty())).isTrue();
        assertThat(inbox.store(failure(2, 1032, at(31)), Optional.empty())).as("no receipt either time").isFalse();
        assertThat(inbox.store(success(1, receipt(9), 2_500, at(40)), Optional.empty()))
                .as("another receipt is another result").isTrue();

        List<KeptResult> kept = inbox.unprocessed(checkoutRequestId(1));
        assertThat(kept).extracting(KeptResult::result).containsExactly(first, success(1, receipt(9), 2_500, at(40)));
        assertThat(rawBody(kept.getFirst().id())).contains(BODY);
        assertThat(inbox.unprocessed(checkoutRequestId(2))).hasSize(1);
    }

    @Test
    void givenAProcessedResult_whenTheSameIsToldAgain_thenItIsStillRefused() {
        inbox.store(callback(1, at(10)), Optional.empty());
        inbox.markProcessed(inbox.unprocessed(checkoutRequestId(1)).getFirst().id(), at(11));

        assertThat(inbox.store(callback(1, at(20)), Optional.empty())).isFalse();
        assertThat(inbox.unprocessed(checkoutRequestId(1))).isEmpty();
    }

    @Test
    void givenARawBody_whenStored_thenItIsKeptExactlyAsReceived() {
        inbox.store(callback(1, at(10)), Optional.of(BODY));
        inbox.store(failure(2, 1, at(11)), Optional.of("not json at all: ü € 🥬"));
        inbox.store(failure(3, 1, at(12)), Optional.empty());

        assertThat(rawBody(idOf(1))).contains(BODY);
        assertThat(rawBody(idOf(2))).contains("not json at all: ü € 🥬");
        assertThat(rawBody(idOf(3))).isEmpty();
    }

    @Test
    void givenAResultWithEveryDetail_whenReadBack_thenNothingIsLostOrRounded() {
        PaymentResult withCents = new PaymentResult(checkoutRequestId(1), Optional.empty(), new StkResult(0, "ok"),
                Optional.of(new java.math.BigDecimal("2500.50")), Optional.of(receipt(1)), Optional.empty(),
                Optional.empty(), at(10));
        PaymentResult queried = PaymentResult.fromQuery(checkoutRequestId(2), StkResult.of(1032), at(11));
        inbox.store(withCents, Optional.empty());
        inbox.store(queried, Optional.empty());

        assertThat(inbox.unprocessed(checkoutRequestId(1))).extracting(KeptResult::result).containsExactly(withCents);
        assertThat(inbox.unprocessed(checkoutRequestId(2))).extracting(KeptResult::result).containsExactly(queried);
    }

    @Test
    void givenMarks_whenRepeatedOrForUnknownIds_thenTheFirstStaysAndNothingElseChanges() {
        inbox.store(callback(1, at(10)), Optional.empty());
        inbox.store(callback(2, at(10)), Optional.empty());
        long first = idOf(1);
        inbox.markProcessed(first, at(11));
        inbox.markProcessed(first, at(30));
        inbox.markProcessed(first + 1_000, at(12));

        assertThat(inbox.unprocessed(checkoutRequestId(1))).isEmpty();
        assertThat(inbox.unprocessed(checkoutRequestId(2))).hasSize(1);
        assertThat(inbox.purgeProcessedBefore(at(12), 100)).as("processed at 11, not 30").isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The sweeper's claim
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void givenResultsInEveryState_whenClaimed_thenOnlyUnprocessedOnesReceivedBeforeTheCutoffOldestFirst() {
        PaymentResult later = callback(1, at(30));
        PaymentResult earlier = callback(2, at(10));
        PaymentResult processed = callback(3, at(5));
        PaymentResult recent = PaymentResult.fromQuery(checkoutRequestId(4), StkResult.of(1037), at(60));
        for (PaymentResult r : List.of(later, earlier, processed, recent)) {
            inbox.store(r, Optional.empty());
        }
        inbox.markProcessed(idOf(3), at(6));

        assertThat(inbox.claimUnprocessed(at(60), at(100), at(130), 10)).extracting(KeptResult::result)
                .containsExactly(earlier, later);
    }

    @Test
    void givenAClaimedResult_whenClaimedAgainBeforeItsLeaseEnds_thenItIsNotHandedOutTwice() {
        inbox.store(callback(1, at(10)), Optional.empty());

        assertThat(inbox.claimUnprocessed(at(60), at(100), at(130), 10)).hasSize(1);
        assertThat(inbox.claimUnprocessed(at(60), at(100), at(130), 10)).isEmpty();
        assertThat(inbox.claimUnprocessed(at(60), at(129), at(159), 10)).isEmpty();
        assertThat(inbox.claimUnprocessed(at(60), at(130), at(160), 10)).as("the lease ended")
                .extracting(KeptResult::id).containsExactly(idOf(1));
    }

    @Test
    void givenAResultTriedRecently_whenClaimedWithOthersNeverTried_thenItGoesAfterThem() {
        inbox.store(callback(1, at(10)), Optional.empty());
        inbox.store(callback(2, at(20)), Optional.empty());
        inbox.store(callback(3, at(30)), Optional.empty());
        assertThat(inbox.claimUnprocessed(at(60), at(100), at(130), 1)).extracting(KeptResult::id)
                .containsExactly(idOf(1));

        assertThat(inbox.claimUnprocessed(at(60), at(130), at(160), 10)).extracting(KeptResult::id)
                .containsExactly(idOf(2), idOf(3), idOf(1));
    }

    @Test
    void givenMoreResultsThanTheLimit_whenClaimed_thenEachClaimTakesAtMostTheLimit() {
        for (int n = 1; n <= 3; n++) {
            inbox.store(callback(n, at(n)), Optional.empty());
        }

        assertThat(inbox.claimUnprocessed(at(60), at(100), at(130), 0)).isEmpty();
        assertThatThrownBy(() -> inbox.claimUnprocessed(at(60), at(100), at(130), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(inbox.claimUnprocessed(at(60), at(100), at(130), 2)).extracting(KeptResult::id)
                .containsExactly(idOf(1), idOf(2));
        assertThat(inbox.claimUnprocessed(at(60), at(100), at(130), 2)).extracting(KeptResult::id)
                .containsExactly(idOf(3));
    }

    @Test
    void givenManySweepersClaimingAtOnce_whenTheyClaimUntilNothingIsLeft_thenEachResultGoesToExactlyOne()
            throws InterruptedException {
        int results = 12;
        for (int n = 1; n <= results; n++) {
            inbox.store(callback(n, at(n % 5)), Optional.empty());
        }
        Instant now = at(100);

        List<List<Long>> claims = Concurrently.run(4, i -> {
            var mine = new ArrayList<Long>();
            List<KeptResult> batch;
            // bounded, so that a claim handing out leased results again fails the test instead of spinning
            for (int round = 0; round < results
                    && !(batch = inbox.claimUnprocessed(at(60), now, now.plusSeconds(30), 2)).isEmpty(); round++) {
                batch.forEach(k -> mine.add(k.id()));
            }
            return mine;
        });

        assertThat(claims.stream().flatMap(List::stream).toList()).doesNotHaveDuplicates().hasSize(results);
    }

    @Test
    void givenManyConcurrentDeliveriesOfOneCallback_whenStored_thenExactlyOneIsKept() throws InterruptedException {
        var stored = Concurrently.run(20, i -> inbox.store(callback(1, at(i)), Optional.empty()));

        assertThat(stored).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(inbox.unprocessed(checkoutRequestId(1))).hasSize(1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Retention
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void givenResultsProcessedBeforeAtAndAfterTheCutoff_whenPurged_thenOnlyTheOlderProcessedAreDeleted() {
        for (int n = 1; n <= 3; n++) {
            inbox.store(callback(n, at(0)), Optional.empty());
        }
        inbox.markProcessed(idOf(1), at(10));
        inbox.markProcessed(idOf(2), at(20));
        inbox.markProcessed(idOf(3), at(21));

        assertThat(inbox.purgeProcessedBefore(at(20), 100)).isEqualTo(1);

        assertThat(inbox.store(callback(2, at(30)), Optional.empty())).as("processed at the cutoff: kept").isFalse();
        assertThat(inbox.store(callback(3, at(30)), Optional.empty())).as("processed after the cutoff: kept")
                .isFalse();
        assertThat(inbox.store(callback(1, at(30)), Optional.empty())).as("forgotten, so stored again").isTrue();
    }

    @Test
    void givenAnUnprocessedResultReceivedLongAgo_whenPurged_thenItIsNeverDeleted() {
        PaymentResult waiting = callback(1, at(0));
        inbox.store(waiting, Optional.empty());
        inbox.store(callback(2, at(0)), Optional.empty());
        inbox.markProcessed(idOf(2), at(1));

        assertThat(inbox.purgeProcessedBefore(at(1_000_000), 100)).isEqualTo(1);

        assertThat(inbox.unprocessed(checkoutRequestId(1))).extracting(KeptResult::result).containsExactly(waiting);
        assertThat(inbox.claimUnprocessed(at(1_000_000), at(1_000_000), at(1_000_030), 10))
                .extracting(KeptResult::result).containsExactly(waiting);
        assertThat(inbox.purgeProcessedBefore(at(1_000_000), 100)).isZero();
    }

    @Test
    void givenMoreExpiredResultsThanTheLimit_whenPurgedRepeatedly_thenEachCallDeletesAtMostTheLimit() {
        for (int i = 1; i <= 5; i++) {
            inbox.store(callback(i, at(0)), Optional.empty());
            inbox.markProcessed(idOf(i), at(i));
        }

        assertThat(inbox.purgeProcessedBefore(at(100), 0)).isZero();
        assertThatThrownBy(() -> inbox.purgeProcessedBefore(at(100), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(inbox.purgeProcessedBefore(at(100), 2)).isEqualTo(2);
        assertThat(inbox.purgeProcessedBefore(at(100), 2)).isEqualTo(2);
        assertThat(inbox.purgeProcessedBefore(at(100), 2)).isEqualTo(1);
        assertThat(inbox.purgeProcessedBefore(at(100), 2)).isZero();
    }

    /** The id of the one unprocessed result of attempt n. */
    private long idOf(int n) {
        return inbox.unprocessed(checkoutRequestId(n)).getFirst().id();
    }
}
