package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ke.invoiceiq.domain.messaging.StoredWebhook;
import ke.invoiceiq.domain.messaging.WebhookInbox;
import ke.invoiceiq.domain.messaging.WebhookInbox.Turn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebhookInbox} must do. A stored webhook keeps its bytes exactly. It belongs to the processing
 * that stored it while the lease it was stored with holds, and is due otherwise while it is neither leased, nor
 * waiting for its next try after a failure, nor processed; a claim leases it until {@code now + lease}, oldest first,
 * at most {@code limit}. One sender's webhooks are handed out in the order they arrived: none while an older one of
 * the same sender is leased or waiting for its next try, and {@code begin} says WAIT while an older one is
 * unprocessed. Marking processed is idempotent. The retention purge deletes webhooks processed strictly before the
 * cutoff, never an unprocessed one, at most {@code limit} per call.
 */
public abstract class WebhookInboxContract {

    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final String ALICE = "sender-alice";
    private static final String BOB = "sender-bob";

    /** An empty inbox; called once before each test. */
    protected abstract WebhookInbox inbox();

    private WebhookInbox inbox;

    @BeforeEach
    void startEmpty() {
        inbox = inbox();
    }

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private StoredWebhook store(String text, long secondsAfterT0) {
        return inbox.store("whatsapp", body(text), at(secondsAfterT0), Optional.empty());
    }

    private StoredWebhook storeFrom(Set<String> senders, long secondsAfterT0) {
        return inbox.store("whatsapp", body("{\"at\":" + secondsAfterT0 + "}"), at(secondsAfterT0), Optional.empty(),
                senders, Optional.empty());
    }

    private static List<Long> ids(Collection<StoredWebhook> webhooks) {
        return webhooks.stream().map(StoredWebhook::id).toList();
    }

    @Test
    void keepsTheBodyByteForByteWithItsProviderTimeCorrelationIdAndSenders() {
        byte[] raw = {'{', 0, (byte) 0xff, '}', (byte) 0xc3, (byte) 0xa9};

        StoredWebhook stored = inbox.store("whatsapp", raw, at(5), Optional.of("req-1"), Set.of(ALICE, BOB),
                Optional.empty());
        StoredWebhook other = store("{}", 6);

        assertThat(stored.id()).isPositive();
        assertThat(other.id()).isGreaterThan(stored.id());
        assertThat(stored.body()).isEqualTo(raw);
        assertThat(stored.provider()).isEqualTo("whatsapp");
        assertThat(stored.receivedAt()).isEqualTo(at(5));
        assertThat(stored.correlationId()).contains("req-1");
        assertThat(stored.senders()).containsExactlyInAnyOrder(ALICE, BOB);
        assertThat(stored.failures()).isZero();
        assertThat(inbox.claimDue(at(1000), LEASE, 10)).containsExactly(stored, other);
    }

    @Test
    void keepsItsOwnCopyOfTheBody() {
        byte[] raw = body("{\"a\":1}");
        StoredWebhook stored = inbox.store("whatsapp", raw, at(0), Optional.empty());
        raw[0] = 'X';
        stored.body()[1] = 'Y';

        assertThat(inbox.claimDue(at(1000), LEASE, 10)).singleElement()
                .satisfies(w -> assertThat(w.body()).isEqualTo(body("{\"a\":1}")));
    }

    @Test
    void givesAWebhookStoredWithALeaseToItsOwnProcessingUntilTheLeaseRunsOut() {
        StoredWebhook stored = inbox.store("whatsapp", body("{}"), at(0), Optional.empty(), Set.of(ALICE),
                Optional.of(at(60)));

        assertThat(inbox.claimDue(at(59), LEASE, 10)).isEmpty();
        assertThat(ids(inbox.claimDue(at(60), LEASE, 10))).containsExactly(stored.id());
    }

    @Test
    void givenAWebhookStoredWithoutALease_whenClaimedAtOnce_thenItIsHandedOut() {
        StoredWebhook stored = store("{}", 0);

        assertThat(inbox.claimDue(at(0), LEASE, 10)).containsExactly(stored);
    }

    @Test
    void claimsTheOldestFirstAndAtMostTheLimit() {
        StoredWebhook late = store("{\"n\":3}", 30);
        StoredWebhook early = store("{\"n\":1}", 10);
        StoredWebhook middle = store("{\"n\":2}", 20);

        assertThat(inbox.claimDue(at(1000), LEASE, 2)).containsExactly(early, middle);
        assertThat(inbox.claimDue(at(1000), LEASE, 2)).containsExactly(late);
        assertThat(inbox.claimDue(at(1000), LEASE, 0)).isEmpty();
    }

    @Test
    void doesNotHandAClaimedWebhookOutAgainUntilItsLeaseRunsOut() {
        StoredWebhook stored = store("{}", 0);
        assertThat(inbox.claimDue(at(100), LEASE, 10)).containsExactly(stored);

        assertThat(inbox.claimDue(at(159), LEASE, 10)).isEmpty();
        assertThat(inbox.claimDue(at(160), LEASE, 10)).containsExactly(stored);
    }

    @Test
    void neverClaimsAProcessedWebhookAndMarkingIsIdempotent() {
        StoredWebhook processed = store("{\"n\":1}", 0);
        StoredWebhook open = store("{\"n\":2}", 1);

        inbox.markProcessed(processed.id(), at(2));
        inbox.markProcessed(processed.id(), at(3));
        inbox.markProcessed(999_999L, at(3));

        assertThat(inbox.claimDue(at(1000), LEASE, 10)).containsExactly(open);
        inbox.markProcessed(open.id(), at(1001));
        assertThat(inbox.claimDue(at(5000), LEASE, 10)).isEmpty();
    }

    @Test
    void givenAFailedTry_whenClaimedAgain_thenNotBeforeItsNextTryAndWithTheFailureCounted() {
        StoredWebhook stored = store("{}", 0);
        assertThat(inbox.claimDue(at(10), LEASE, 10)).hasSize(1);

        inbox.markFailed(stored.id(), "java.lang.IllegalStateException", at(40));

        assertThat(inbox.claimDue(at(39), LEASE, 10)).as("the lease was released, the next try is later").isEmpty();
        assertThat(inbox.claimDue(at(40), LEASE, 10)).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo(stored.id());
            assertThat(w.failures()).isEqualTo(1);
        });
        inbox.markFailed(stored.id(), "java.lang.IllegalStateException", at(100));
        assertThat(inbox.claimDue(at(100), LEASE, 10)).singleElement()
                .satisfies(w -> assertThat(w.failures()).isEqualTo(2));
    }

    @Test
    void givenAWebhookGivenUpOn_whenClaimedOrMarkedAgain_thenItCountsAsProcessed() {
        StoredWebhook stored = store("{}", 0);
        StoredWebhook later = store("{\"n\":2}", 5);
        inbox.claimDue(at(10), LEASE, 10);

        inbox.markGivenUp(stored.id(), "java.lang.IllegalStateException", at(11));
        inbox.markFailed(stored.id(), "java.lang.IllegalStateException", at(12));

        assertThat(inbox.claimDue(at(1000), LEASE, 10)).containsExactly(later);
        assertThat(inbox.oldestUnprocessed()).contains(at(5));
    }

    @Test
    void givenReleasedLeases_whenClaimed_thenDueAtOnceButNotProcessedOnes() {
        StoredWebhook first = inbox.store("whatsapp", body("{}"), at(0), Optional.empty(), Set.of(),
                Optional.of(at(60)));
        StoredWebhook second = inbox.store("whatsapp", body("{\"n\":2}"), at(1), Optional.empty(), Set.of(),
                Optional.of(at(61)));
        StoredWebhook done = inbox.store("whatsapp", body("{\"n\":3}"), at(2), Optional.empty(), Set.of(),
                Optional.of(at(62)));
        inbox.markProcessed(done.id(), at(3));

        inbox.release(List.of(first.id(), second.id(), done.id(), 999_999L));
        inbox.release(List.of());

        assertThat(ids(inbox.claimDue(at(3), LEASE, 10))).containsExactly(first.id(), second.id());
    }

    @Test
    void givenAnOlderWebhookOfTheSameSenderIsLeased_whenClaimed_thenTheNewerWaitsAndOtherSendersDoNot() {
        StoredWebhook aliceFirst = storeFrom(Set.of(ALICE), 0);
        assertThat(ids(inbox.claimDue(at(1), LEASE, 1))).containsExactly(aliceFirst.id());
        StoredWebhook aliceSecond = storeFrom(Set.of(ALICE), 2);
        StoredWebhook bob = storeFrom(Set.of(BOB), 3);
        StoredWebhook statuses = storeFrom(Set.of(), 4);

        assertThat(ids(inbox.claimDue(at(5), LEASE, 10))).containsExactly(bob.id(), statuses.id());

        inbox.markProcessed(aliceFirst.id(), at(6));
        assertThat(ids(inbox.claimDue(at(6), LEASE, 10))).containsExactly(aliceSecond.id());
    }

    @Test
    void givenAnOlderWebhookOfTheSameSenderWaitsForItsNextTry_whenClaimed_thenBothComeInOrderOnceItIsDue() {
        StoredWebhook first = storeFrom(Set.of(ALICE), 0);
        inbox.claimDue(at(1), LEASE, 10);
        inbox.markFailed(first.id(), "java.lang.IllegalStateException", at(30));
        StoredWebhook second = storeFrom(Set.of(ALICE), 2);

        assertThat(inbox.claimDue(at(29), LEASE, 10)).isEmpty();
        assertThat(ids(inbox.claimDue(at(30), LEASE, 10))).containsExactly(first.id(), second.id());
    }

    @Test
    void givenAWebhookOfTwoSenders_whenAnOlderOneOfEitherIsLeased_thenItWaits() {
        StoredWebhook bobFirst = storeFrom(Set.of(BOB), 0);
        inbox.claimDue(at(1), LEASE, 10);
        StoredWebhook both = storeFrom(Set.of(ALICE, BOB), 2);

        assertThat(inbox.claimDue(at(3), LEASE, 10)).isEmpty();
        inbox.markProcessed(bobFirst.id(), at(4));
        assertThat(ids(inbox.claimDue(at(4), LEASE, 10))).containsExactly(both.id());
    }

    @Test
    void givenOneSendersWebhooks_whenManyClaimAtOnce_thenOnlyTheOldestIsHandedOut() throws InterruptedException {
        StoredWebhook oldest = storeFrom(Set.of(ALICE), 0);
        for (int i = 1; i < 10; i++) {
            storeFrom(Set.of(ALICE), i);
        }

        var claims = Concurrently.run(8, i -> ids(inbox.claimDue(at(100), LEASE, 1)));

        assertThat(claims.stream().flatMap(List::stream).toList()).containsExactly(oldest.id());
    }

    @Test
    void givenAHeldWebhook_whenItsTurnComes_thenItProceedsOnlyWithNothingOlderOfItsSendersUnprocessed() {
        StoredWebhook first = storeFrom(Set.of(ALICE), 0);
        StoredWebhook second = inbox.store("whatsapp", body("{\"n\":2}"), at(1), Optional.empty(), Set.of(ALICE),
                Optional.of(at(61)));
        StoredWebhook bob = storeFrom(Set.of(BOB), 2);
        StoredWebhook statuses = storeFrom(Set.of(), 3);

        assertThat(inbox.begin(second.id())).isEqualTo(Turn.WAIT);
        assertThat(inbox.begin(first.id())).isEqualTo(Turn.PROCEED);
        assertThat(inbox.begin(bob.id())).isEqualTo(Turn.PROCEED);
        assertThat(inbox.begin(statuses.id())).isEqualTo(Turn.PROCEED);
        assertThat(ids(inbox.claimDue(at(5), LEASE, 10))).as("the waiting one's lease was released")
                .containsExactly(first.id(), second.id(), bob.id(), statuses.id());

        inbox.markProcessed(first.id(), at(6));
        assertThat(inbox.begin(second.id())).isEqualTo(Turn.PROCEED);
        assertThat(inbox.begin(first.id())).isEqualTo(Turn.DONE);
        assertThat(inbox.begin(999_999L)).isEqualTo(Turn.DONE);
    }

    @Test
    void answersWhenTheOldestUnprocessedWebhookArrived() {
        assertThat(inbox.oldestUnprocessed()).isEmpty();
        StoredWebhook first = store("{\"n\":1}", 10);
        store("{\"n\":2}", 20);
        store("{\"n\":0}", 30);

        assertThat(inbox.oldestUnprocessed()).contains(at(10));
        inbox.markProcessed(first.id(), at(31));
        assertThat(inbox.oldestUnprocessed()).contains(at(20));
    }

    @Test
    void purgesOnlyWebhooksProcessedStrictlyBeforeTheCutoffAndAtMostTheLimit() {
        StoredWebhook first = store("{\"n\":1}", 0);
        StoredWebhook second = store("{\"n\":2}", 1);
        StoredWebhook atCutoff = store("{\"n\":3}", 2);
        StoredWebhook open = store("{\"n\":4}", 3);
        inbox.markProcessed(first.id(), at(10));
        inbox.markProcessed(second.id(), at(11));
        inbox.markProcessed(atCutoff.id(), at(20));

        assertThat(inbox.purgeProcessedBefore(at(20), 1)).isEqualTo(1);
        assertThat(inbox.purgeProcessedBefore(at(20), 10)).isEqualTo(1);
        assertThat(inbox.purgeProcessedBefore(at(20), 10)).isZero();
        assertThat(inbox.purgeProcessedBefore(at(10_000), 0)).isZero();

        assertThat(inbox.claimDue(at(1000), LEASE, 10)).as("never an unprocessed one").containsExactly(open);
        assertThat(inbox.purgeProcessedBefore(at(10_000), 10)).as("the one processed at the cutoff stayed")
                .isEqualTo(1);
    }

    @Test
    void refusesANegativeLimitOrANonPositiveLease() {
        assertThatThrownBy(() -> inbox.claimDue(at(0), LEASE, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inbox.claimDue(at(0), Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inbox.purgeProcessedBefore(at(0), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
