package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoice;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoiceId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.message;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.msisdn;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.notice;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.plainReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.DeliveryStatus;
import ke.invoiceiq.domain.messaging.EarlyDeliveryReport;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.OutboxStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Outbox} must do. A SENDING message's {@code nextAttemptAt} is the end of its lease. Every
 * finished attempt (sent, retried, failed) counts in {@code attempts}; a claim, a wait and a coalescing do not.
 * Every write after the claim holds only under the claim token that took the message, while it is SENDING. The
 * retention purge deletes finished messages (SENT, FAILED, COALESCED) whose last change (send, failure, delivery
 * report) is strictly before the cutoff (one changed exactly at it stays), never a PENDING or SENDING one, at most
 * {@code limit} per call, and answers how many it deleted.
 */
public abstract class OutboxContract {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final String CLAIM = "claim-a";
    private static final String OTHER = "claim-b";

    /** An empty outbox; called once before each test, before {@link #invoices()}. */
    protected abstract Outbox outbox();

    /** Where the invoices that messages refer to are added (a database checks the reference). */
    protected abstract InvoiceRepository invoices();

    private Outbox outbox;

    @BeforeEach
    void startEmpty() {
        outbox = outbox();
        invoices().add(invoice(1, at(0)));
    }

    @Test
    void keepsAQueuedMessageWithAllItsContent() {
        OutboxMessage withEverything = message("m-1", Optional.of(invoiceId(1)), at(0));
        OutboxMessage plain = plainReply("m-2", at(0));

        outbox.enqueue(withEverything);
        outbox.enqueue(plain);

        assertThat(outbox.find("m-1")).contains(withEverything);
        assertThat(outbox.find("m-2")).contains(plain);
        assertThat(outbox.find("m-3")).isEmpty();
        assertThat(outbox.countPending()).isEqualTo(2);
    }

    @Test
    void givenMessagesQueuedWithAndWithoutACorrelationId_whenClaimed_thenEachKeepsItsOwn() {
        String correlationId = "4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
        OutboxMessage traced = OutboxMessage.queue("traced", msisdn(1),
                MessagePurpose.REPLY, Optional.empty(), Channel.WHATSAPP,
                OutboundContent.text("Send 'help' for the commands."), at(0),
                Optional.of(correlationId));
        outbox.enqueue(traced);
        outbox.enqueue(plainReply("untraced", at(1)));

        List<OutboxMessage> claimed = outbox.claimDue(CLAIM, at(10), LEASE, 10);

        assertThat(claimed).extracting(OutboxMessage::id, OutboxMessage::correlationId).containsExactly(
                tuple("traced", Optional.of(correlationId)),
                tuple("untraced", Optional.empty()));
        assertThat(outbox.find("traced")).contains(claimed.getFirst());
        outbox.retryLater("traced", CLAIM, at(20), "throttled", at(10));
        assertThat(outbox.find("traced").orElseThrow().correlationId()).contains(correlationId);
    }

    @Test
    void claimsDueMessagesOldestDueFirstAndLeasesThem() {
        outbox.enqueue(plainReply("late", at(20)));
        outbox.enqueue(plainReply("early", at(10)));
        outbox.enqueue(plainReply("not-yet", at(100)));

        List<OutboxMessage> claimed = outbox.claimDue(CLAIM, at(50), LEASE, 10);

        assertThat(claimed).extracting(OutboxMessage::id).containsExactly("early", "late");
        assertThat(claimed).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo(OutboxStatus.SENDING);
            assertThat(m.nextAttemptAt()).isEqualTo(at(50).plus(LEASE));
            assertThat(m.attempts()).isZero();
        });
        assertThat(outbox.find("early")).contains(claimed.getFirst());
        assertThat(outbox.find("not-yet").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
    }

    @Test
    void claimsNoMoreThanTheLimit() {
        for (int i = 0; i < 5; i++) {
            outbox.enqueue(plainReply("m-" + i, at(i)));
        }

        assertThat(outbox.claimDue(CLAIM, at(10), LEASE, 3)).extracting(OutboxMessage::id)
                .containsExactly("m-0", "m-1", "m-2");
        assertThat(outbox.claimDue(CLAIM, at(10), LEASE, 3)).extracting(OutboxMessage::id)
                .containsExactly("m-3", "m-4");
        assertThat(outbox.claimDue(CLAIM, at(10), LEASE, 0)).isEmpty();
    }

    @Test
    void claimsALeasedMessageAgainOnlyAfterTheLeaseRanOut() {
        outbox.enqueue(plainReply("m-1", at(0)));
        outbox.claimDue(CLAIM, at(0), LEASE, 10);

        assertThat(outbox.claimDue(CLAIM, at(29), LEASE, 10)).isEmpty();
        assertThat(outbox.claimDue(CLAIM, at(30), LEASE, 10)).extracting(OutboxMessage::id).containsExactly("m-1");
        assertThat(outbox.find("m-1").orElseThrow().nextAttemptAt()).isEqualTo(at(30).plus(LEASE));
    }

    @Test
    void marksAMessageSentOnTheChannelThatTookIt() {
        outbox.enqueue(message("m-1", Optional.of(invoiceId(1)), at(0)));
        outbox.claimDue(CLAIM, at(0), LEASE, 10);

        outbox.markSent("m-1", CLAIM, Channel.SMS, "ATXid_1", at(1));

        OutboxMessage sent = outbox.find("m-1").orElseThrow();
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.channel()).isEqualTo(Channel.SMS);
        assertThat(sent.providerMessageId()).contains("ATXid_1");
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(outbox.findByProviderMessageId(Channel.SMS, "ATXid_1")).contains(sent);
        assertThat(outbox.findByProviderMessageId(Channel.WHATSAPP, "ATXid_1")).isEmpty();
        assertThat(outbox.claimDue(CLAIM, at(100), LEASE, 10)).isEmpty();
        assertThat(outbox.countPending()).isZero();
    }

    @Test
    void putsAMessageBackForALaterAttempt() {
        outbox.enqueue(plainReply("m-1", at(0)));
        outbox.claimDue(CLAIM, at(0), LEASE, 10);

        outbox.retryLater("m-1", CLAIM, at(60), "131056 pair rate limit", at(1));

        OutboxMessage waiting = outbox.find("m-1").orElseThrow();
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.nextAttemptAt()).isEqualTo(at(60));
        assertThat(waiting.lastError()).contains("131056 pair rate limit");
        assertThat(outbox.countPending()).isEqualTo(1);
        assertThat(outbox.claimDue(CLAIM, at(59), LEASE, 10)).isEmpty();
        assertThat(outbox.claimDue(CLAIM, at(60), LEASE, 10)).extracting(OutboxMessage::id).containsExactly("m-1");

        outbox.retryLater("m-1", CLAIM, at(120), "timeout", at(61));
        assertThat(outbox.find("m-1").orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void marksAMessageFailedForGood() {
        outbox.enqueue(plainReply("m-1", at(0)));
        outbox.claimDue(CLAIM, at(0), LEASE, 10);

        outbox.markFailed("m-1", CLAIM, "190 token expired", at(1));

        OutboxMessage failed = outbox.find("m-1").orElseThrow();
        assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("190 token expired");
        assertThat(outbox.claimDue(CLAIM, at(1_000), LEASE, 10)).isEmpty();
        assertThat(outbox.countPending()).isZero();
    }

    @Test
    void givenAFailedMessage_whenAnOperatorRetriesIt_thenItIsDueAgainWithAFreshSetOfTries() {
        outbox.enqueue(plainReply("m-1", at(0)));
        outbox.claimDue(CLAIM, at(0), LEASE, 10);
        outbox.markFailed("m-1", CLAIM, "190 token expired", at(1));
        OutboxMessage retried = outbox.find("m-1").orElseThrow().retriedByOperator(at(50)).orElseThrow();

        assertThat(outbox.replaceFailed(retried, at(50))).isTrue();

        OutboxMessage stored = outbox.find("m-1").orElseThrow();
        assertThat(stored.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(stored.attempts()).isZero();
        assertThat(stored.content()).isEqualTo(plainReply("m-1", at(0)).content());
        assertThat(outbox.claimDue("claim-2", at(50), LEASE, 10)).extracting(OutboxMessage::id).containsExactly("m-1");
        assertThat(outbox.replaceFailed(retried, at(51))).as("no longer FAILED").isFalse();
    }

    @Test
    void givenAFailedMessage_whenAbandoned_thenItIsFinalNeverClaimedAndPurgedLikeTheFinished() {
        outbox.enqueue(plainReply("m-1", at(0)));
        outbox.claimDue(CLAIM, at(0), LEASE, 10);
        outbox.markFailed("m-1", CLAIM, "190 token expired", at(1));
        OutboxMessage abandoned = outbox.find("m-1").orElseThrow().abandonedByOperator().orElseThrow();

        assertThat(outbox.replaceFailed(abandoned, at(10))).isTrue();

        assertThat(outbox.find("m-1").orElseThrow().status()).isEqualTo(OutboxStatus.ABANDONED);
        assertThat(outbox.claimDue(CLAIM, at(1_000), LEASE, 10)).isEmpty();
        assertThat(outbox.countPending()).isZero();
        assertThat(outbox.purgeFinishedBefore(at(10), 10)).as("strictly older only").isZero();
        assertThat(outbox.purgeFinishedBefore(at(11), 10)).isEqualTo(1);
        assertThat(outbox.find("m-1")).isEmpty();
    }

    @Test
    void givenAMessageThatIsNotFailed_whenReplacedAsFailed_thenNothingChanges() {
        outbox.enqueue(plainReply("m-1", at(0)));
        OutboxMessage queued = outbox.find("m-1").orElseThrow();
        OutboxMessage wouldBe = new OutboxMessage("m-1", queued.recipient(), queued.purpose(), queued.invoiceId(),
                queued.channel(), queued.content(), OutboxStatus.ABANDONED, 0, at(0), Optional.empty(),
                Optional.empty(), Optional.empty(), at(0));

        assertThat(outbox.replaceFailed(wouldBe, at(5))).isFalse();
        assertThat(outbox.find("m-1").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(outbox.replaceFailed(new OutboxMessage("nope", queued.recipient(), queued.purpose(),
                queued.invoiceId(), queued.channel(), queued.content(), OutboxStatus.ABANDONED, 0, at(0),
                Optional.empty(), Optional.empty(), Optional.empty(), at(0)), at(5))).isFalse();
    }

    @Test
    void countsQueuedAndLeasedMessagesAsPending() {
        outbox.enqueue(plainReply("queued", at(0)));
        outbox.enqueue(plainReply("leased", at(0)));
        outbox.enqueue(plainReply("sent", at(0)));
        outbox.enqueue(plainReply("failed", at(0)));
        outbox.enqueue(plainReply("later", at(500)));
        outbox.claimDue(CLAIM, at(0), LEASE, 4);
        outbox.retryLater("queued", CLAIM, at(10), "busy", at(0));
        outbox.markSent("sent", CLAIM, Channel.WHATSAPP, "wamid.1", at(0));
        outbox.markFailed("failed", CLAIM, "bad", at(0));

        assertThat(outbox.countPending()).isEqualTo(3);
    }

    @Test
    void givenOpenAndFinishedMessages_whenAskedForTheOldestPending_thenTheEarliestQueuedOpenOne() {
        assertThat(outbox.oldestPendingSince()).isEmpty();
        outbox.enqueue(plainReply("sent-first", at(0)));
        outbox.enqueue(plainReply("failed-second", at(5)));
        outbox.enqueue(plainReply("leased-third", at(10)));
        outbox.enqueue(plainReply("retried-fourth", at(20)));
        outbox.enqueue(plainReply("queued-fifth", at(30)));
        outbox.claimDue(CLAIM, at(30), LEASE, 4);
        outbox.markSent("sent-first", CLAIM, Channel.WHATSAPP, "wamid.first", at(31));
        outbox.markFailed("failed-second", CLAIM, "bad", at(31));
        outbox.retryLater("retried-fourth", CLAIM, at(90), "busy", at(31));

        assertThat(outbox.oldestPendingSince()).contains(at(10));

        outbox.markSent("leased-third", CLAIM, Channel.WHATSAPP, "wamid.third", at(32));
        assertThat(outbox.oldestPendingSince()).as("a retry keeps the time it was queued").contains(at(20));
    }

    @Test
    void movesTheDeliveryStatusForwardOnly() {
        outbox.enqueue(plainReply("m-1", at(0)));
        outbox.claimDue(CLAIM, at(0), LEASE, 10);
        outbox.markSent("m-1", CLAIM, Channel.WHATSAPP, "wamid.1", at(1));

        assertThat(outbox.recordDelivery("m-1", DeliveryStatus.DELIVERED, at(2))).isTrue();
        assertThat(outbox.recordDelivery("m-1", DeliveryStatus.SENT, at(3))).isFalse();
        assertThat(outbox.recordDelivery("m-1", DeliveryStatus.DELIVERED, at(3))).isFalse();
        assertThat(outbox.find("m-1").orElseThrow().delivery()).contains(DeliveryStatus.DELIVERED);
        assertThat(outbox.recordDelivery("m-1", DeliveryStatus.READ, at(4))).isTrue();
        assertThat(outbox.find("m-1").orElseThrow().delivery()).contains(DeliveryStatus.READ);
        assertThat(outbox.find("m-1").orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void keepsAFailedDeliveryFinal() {
        outbox.enqueue(plainReply("m-1", at(0)));
        outbox.claimDue(CLAIM, at(0), LEASE, 10);
        outbox.markSent("m-1", CLAIM, Channel.WHATSAPP, "wamid.1", at(1));

        assertThat(outbox.recordDelivery("m-1", DeliveryStatus.FAILED, at(2))).isTrue();
        assertThat(outbox.recordDelivery("m-1", DeliveryStatus.READ, at(3))).isFalse();
        assertThat(outbox.find("m-1").orElseThrow().delivery()).contains(DeliveryStatus.FAILED);
    }

    @Test
    void answersFalseForTheDeliveryOfAnUnknownMessage() {
        assertThat(outbox.recordDelivery("nobody", DeliveryStatus.DELIVERED, at(0))).isFalse();
    }

    @Test
    void neverHandsOneMessageToTwoConcurrentDispatchers() throws InterruptedException {
        int messages = 60;
        for (int i = 0; i < messages; i++) {
            outbox.enqueue(plainReply("m-%02d".formatted(i), at(i % 7)));
        }
        Instant now = at(100);

        List<List<String>> claims = Concurrently.run(4, i -> {
            var mine = new ArrayList<String>();
            List<OutboxMessage> batch;
            while (!(batch = outbox.claimDue("claim-" + i, now, LEASE, 3)).isEmpty()) {
                batch.forEach(m -> mine.add(m.id()));
            }
            return mine;
        });

        var all = claims.stream().flatMap(List::stream).toList();
        assertThat(all).doesNotHaveDuplicates().hasSize(messages);
        assertThat(new HashSet<>(all)).hasSize(messages);
    }

    @Test
    void givenFinishedMessagesChangedBeforeAtAndAfterTheCutoff_whenPurged_thenOnlyTheOlderAreDeleted() {
        for (String id : List.of("sent-old", "failed-old", "sent-at-cutoff", "failed-new")) {
            outbox.enqueue(plainReply(id, at(0)));
        }
        outbox.claimDue(CLAIM, at(0), LEASE, 10);
        outbox.markSent("sent-old", CLAIM, Channel.WHATSAPP, "wamid.old", at(10));
        outbox.markFailed("failed-old", CLAIM, "190 token expired", at(19));
        outbox.markSent("sent-at-cutoff", CLAIM, Channel.SMS, "ATXid_1", at(20));
        outbox.markFailed("failed-new", CLAIM, "bad", at(21));

        assertThat(outbox.purgeFinishedBefore(at(20), 100)).isEqualTo(2);

        assertThat(outbox.find("sent-old")).isEmpty();
        assertThat(outbox.find("failed-old")).isEmpty();
        assertThat(outbox.findByProviderMessageId(Channel.WHATSAPP, "wamid.old")).isEmpty();
        assertThat(outbox.find("sent-at-cutoff")).isPresent();
        assertThat(outbox.find("failed-new")).isPresent();
    }

    @Test
    void givenPendingAndSendingMessagesOfLongAgo_whenPurged_thenTheyAreNeverDeleted() {
        outbox.enqueue(plainReply("leased", at(0)));
        outbox.enqueue(plainReply("retrying", at(0)));
        outbox.enqueue(plainReply("sent", at(0)));
        outbox.claimDue(CLAIM, at(0), LEASE, 10);
        outbox.retryLater("retrying", CLAIM, at(3_600), "131056 pair rate limit", at(1));
        outbox.markSent("sent", CLAIM, Channel.WHATSAPP, "wamid.1", at(2));
        outbox.enqueue(message("queued", Optional.of(invoiceId(1)), at(0)));

        assertThat(outbox.purgeFinishedBefore(at(1_000_000), 100)).isEqualTo(1);

        assertThat(outbox.find("sent")).isEmpty();
        assertThat(outbox.find("queued").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(outbox.find("retrying").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(outbox.find("leased").orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);
        assertThat(outbox.countPending()).isEqualTo(3);
        assertThat(outbox.purgeFinishedBefore(at(1_000_000), 100)).isZero();
    }

    @Test
    void givenADeliveryReportAfterTheSend_whenPurged_thenTheMessageStaysUntilTheReportIsOld() {
        outbox.enqueue(plainReply("m-1", at(0)));
        outbox.claimDue(CLAIM, at(0), LEASE, 10);
        outbox.markSent("m-1", CLAIM, Channel.WHATSAPP, "wamid.1", at(10));
        outbox.recordDelivery("m-1", DeliveryStatus.READ, at(100));

        assertThat(outbox.purgeFinishedBefore(at(50), 100)).isZero();
        assertThat(outbox.findByProviderMessageId(Channel.WHATSAPP, "wamid.1")).isPresent();
        assertThat(outbox.purgeFinishedBefore(at(101), 100)).isEqualTo(1);
        assertThat(outbox.find("m-1")).isEmpty();
    }

    @Test
    void givenMoreExpiredMessagesThanTheLimit_whenPurgedRepeatedly_thenEachCallDeletesAtMostTheLimit() {
        for (int i = 0; i < 5; i++) {
            outbox.enqueue(plainReply("m-" + i, at(0)));
        }
        outbox.claimDue(CLAIM, at(0), LEASE, 10);
        for (int i = 0; i < 5; i++) {
            outbox.markSent("m-" + i, CLAIM, Channel.WHATSAPP, "wamid." + i, at(i + 1));
        }

        assertThat(outbox.purgeFinishedBefore(at(100), 0)).isZero();
        assertThatThrownBy(() -> outbox.purgeFinishedBefore(at(100), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(outbox.purgeFinishedBefore(at(100), 2)).isEqualTo(2);
        assertThat(outbox.purgeFinishedBefore(at(100), 2)).isEqualTo(2);
        assertThat(outbox.purgeFinishedBefore(at(100), 2)).isEqualTo(1);
        assertThat(outbox.purgeFinishedBefore(at(100), 2)).isZero();
    }

    // ---- claims: every write holds only under the claim that took the message ----

    @Test
    void givenALeaseThatRanOutAndAnotherDispatchersClaim_whenTheFirstWritesLate_thenNothingChangesAndItIsToldSo() {
        outbox.enqueue(plainReply("m-1", at(0)));
        outbox.claimDue(CLAIM, at(0), LEASE, 10);
        List<OutboxMessage> second = outbox.claimDue(OTHER, at(30), LEASE, 10);

        boolean renewed = outbox.renewLease("m-1", CLAIM, at(90), at(31));
        boolean sent = outbox.markSent("m-1", CLAIM, Channel.WHATSAPP, "wamid.stale", at(31));
        boolean retried = outbox.retryLater("m-1", CLAIM, at(40), "timeout", at(31));
        boolean deferred = outbox.defer("m-1", CLAIM, at(40), "paced", at(31));
        boolean failed = outbox.markFailed("m-1", CLAIM, "131026", at(31));
        boolean coalesced = outbox.markCoalesced("m-1", CLAIM, "digest-1", at(31));

        assertThat(second).extracting(OutboxMessage::id).containsExactly("m-1");
        assertThat(List.of(renewed, sent, retried, deferred, failed, coalesced)).containsOnly(false);
        OutboxMessage held = outbox.find("m-1").orElseThrow();
        assertThat(held.status()).isEqualTo(OutboxStatus.SENDING);
        assertThat(held.nextAttemptAt()).isEqualTo(at(30).plus(LEASE));
        assertThat(held.attempts()).isZero();
        assertThat(held.providerMessageId()).isEmpty();
        assertThat(outbox.markSent("m-1", OTHER, Channel.WHATSAPP, "wamid.fresh", at(32))).isTrue();
        assertThat(outbox.markSent("m-1", CLAIM, Channel.WHATSAPP, "wamid.stale", at(33))).isFalse();
        assertThat(outbox.find("m-1").orElseThrow().providerMessageId()).contains("wamid.fresh");
    }

    @Test
    void givenAFinishedMessage_whenItsOwnDispatcherWritesAgain_thenItStaysAsItIs() {
        outbox.enqueue(plainReply("m-1", at(0)));
        outbox.claimDue(CLAIM, at(0), LEASE, 10);
        outbox.markSent("m-1", CLAIM, Channel.WHATSAPP, "wamid.1", at(1));

        assertThat(outbox.retryLater("m-1", CLAIM, at(60), "timeout", at(2))).isFalse();
        assertThat(outbox.markFailed("m-1", CLAIM, "131026", at(2))).isFalse();
        assertThat(outbox.renewLease("m-1", CLAIM, at(60), at(2))).isFalse();
        assertThat(outbox.markSent("nobody", CLAIM, Channel.WHATSAPP, "wamid.2", at(2))).isFalse();
        OutboxMessage sent = outbox.find("m-1").orElseThrow();
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
    }

    @Test
    void givenALeaseRenewedJustBeforeTheSend_whenTheFirstLeaseWouldHaveRunOut_thenNoOtherDispatcherTakesIt() {
        outbox.enqueue(plainReply("m-1", at(0)));
        outbox.claimDue(CLAIM, at(0), LEASE, 10);

        assertThat(outbox.renewLease("m-1", CLAIM, at(25).plus(LEASE), at(25))).isTrue();

        assertThat(outbox.claimDue(OTHER, at(30), LEASE, 10)).isEmpty();
        assertThat(outbox.find("m-1").orElseThrow().nextAttemptAt()).isEqualTo(at(55));
        assertThat(outbox.markSent("m-1", CLAIM, Channel.WHATSAPP, "wamid.1", at(40))).isTrue();
    }

    @Test
    void givenAMessageThatMustWait_whenDeferred_thenPendingAgainWithNoAttemptCounted() {
        outbox.enqueue(plainReply("m-1", at(0)));
        outbox.claimDue(CLAIM, at(0), LEASE, 10);

        assertThat(outbox.defer("m-1", CLAIM, at(6), "paced", at(0))).isTrue();
        outbox.claimDue(OTHER, at(6), LEASE, 10);
        assertThat(outbox.defer("m-1", OTHER, at(12), "paced", at(6))).isTrue();

        OutboxMessage waiting = outbox.find("m-1").orElseThrow();
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.nextAttemptAt()).isEqualTo(at(12));
        assertThat(waiting.lastError()).contains("paced");
        assertThat(outbox.claimDue(CLAIM, at(11), LEASE, 10)).isEmpty();
    }

    @Test
    void givenNoticesWaitingForSeveralNumbers_whenClaimedForADigest_thenOnlyThatNumbersOnThatChannelOldestFirstDueOrNot() {
        outbox.enqueue(notice("n-late", 1, at(100)));
        outbox.enqueue(notice("n-early", 1, at(10)));
        outbox.enqueue(notice("n-other-number", 2, at(5)));
        outbox.enqueue(plainReply("reply", at(5)));
        outbox.enqueue(notice("n-held-elsewhere", 1, at(1)));
        outbox.enqueue(notice("n-sent", 1, at(2)));
        outbox.claimDue(OTHER, at(2), LEASE, 10);
        outbox.markSent("n-sent", OTHER, Channel.WHATSAPP, "wamid.1", at(2));

        List<OutboxMessage> waiting = outbox.claimWaiting(CLAIM, msisdn(1), Channel.WHATSAPP,
                MessagePurpose.MERCHANT_NOTICE, at(20), LEASE, 10);

        assertThat(waiting).extracting(OutboxMessage::id).containsExactly("n-early", "n-late");
        assertThat(waiting).allSatisfy(m -> assertThat(m.status()).isEqualTo(OutboxStatus.SENDING));
        assertThat(outbox.markCoalesced("n-late", CLAIM, "digest-1", at(21))).isTrue();
        assertThat(outbox.claimWaiting(CLAIM, msisdn(1), Channel.SMS, MessagePurpose.MERCHANT_NOTICE, at(20), LEASE,
                10)).isEmpty();
        assertThat(outbox.find("n-held-elsewhere").orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);
    }

    @Test
    void givenANoticeCarriedByADigest_whenCoalesced_thenFinalNamingTheDigestWithNoAttemptAndPurgedLikeSent() {
        outbox.enqueue(notice("n-1", 1, at(0)));
        outbox.claimDue(CLAIM, at(0), LEASE, 10);

        assertThat(outbox.markCoalesced("n-1", CLAIM, "digest-1", at(1))).isTrue();

        OutboxMessage carried = outbox.find("n-1").orElseThrow();
        assertThat(carried.status()).isEqualTo(OutboxStatus.COALESCED);
        assertThat(carried.coalescedInto()).contains("digest-1");
        assertThat(carried.attempts()).isZero();
        assertThat(outbox.countPending()).isZero();
        assertThat(outbox.claimDue(CLAIM, at(1_000), LEASE, 10)).isEmpty();
        assertThat(outbox.purgeFinishedBefore(at(2), 10)).isEqualTo(1);
        assertThat(outbox.find("n-1")).isEmpty();
    }

    @Test
    void givenADigestJustQueued_whenClaimedById_thenSendingUnderThatClaimAndNoOneElseCanTakeIt() {
        outbox.enqueue(notice("digest-1", 1, at(0)));

        assertThat(outbox.claim("digest-1", CLAIM, at(0), LEASE)).isTrue();
        assertThat(outbox.claim("digest-1", OTHER, at(0), LEASE)).isFalse();
        assertThat(outbox.claim("nobody", CLAIM, at(0), LEASE)).isFalse();
        assertThat(outbox.claimDue(OTHER, at(1), LEASE, 10)).isEmpty();
        assertThat(outbox.find("digest-1").orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);
        assertThat(outbox.markSent("digest-1", CLAIM, Channel.WHATSAPP, "wamid.1", at(1))).isTrue();
    }

    // ---- delivery reports that come before their send is recorded ----

    @Test
    void givenAReportHeldTwice_whenTakenByItsProviderId_thenItComesOnceAndThenIsGone() {
        var failed = new EarlyDeliveryReport(Channel.WHATSAPP, "wamid.early", DeliveryStatus.FAILED,
                Optional.of("131047"), at(1), at(1));
        var sent = new EarlyDeliveryReport(Channel.WHATSAPP, "wamid.early", DeliveryStatus.SENT, Optional.empty(),
                at(0), at(1));
        outbox.holdReport(failed);
        outbox.holdReport(failed);
        outbox.holdReport(sent);
        outbox.holdReport(new EarlyDeliveryReport(Channel.SMS, "wamid.early", DeliveryStatus.FAILED,
                Optional.empty(), at(1), at(1)));

        assertThat(outbox.takeHeldReports(Channel.WHATSAPP, "wamid.early")).containsExactly(sent, failed);
        assertThat(outbox.takeHeldReports(Channel.WHATSAPP, "wamid.early")).isEmpty();
        assertThat(outbox.takeHeldReports(Channel.SMS, "wamid.early")).hasSize(1);
    }

    @Test
    void givenHeldReports_whenTheSweepTakesTheMatched_thenOnlyThoseWhoseSendIsNowRecordedAndTheStaleAreForgotten() {
        outbox.enqueue(plainReply("m-1", at(0)));
        outbox.claimDue(CLAIM, at(0), LEASE, 10);
        var early = new EarlyDeliveryReport(Channel.WHATSAPP, "wamid.1", DeliveryStatus.FAILED, Optional.empty(),
                at(1), at(100));
        var unmatched = new EarlyDeliveryReport(Channel.WHATSAPP, "wamid.nobody", DeliveryStatus.READ,
                Optional.empty(), at(1), at(100));
        var stale = new EarlyDeliveryReport(Channel.WHATSAPP, "wamid.1", DeliveryStatus.READ, Optional.empty(),
                at(1), at(10));
        outbox.holdReport(early);
        outbox.holdReport(unmatched);
        outbox.holdReport(stale);

        assertThat(outbox.takeMatchedHeldReports(at(50), 10)).isEmpty();
        outbox.markSent("m-1", CLAIM, Channel.WHATSAPP, "wamid.1", at(101));

        assertThat(outbox.takeMatchedHeldReports(at(50), 10)).containsExactly(early);
        assertThat(outbox.takeMatchedHeldReports(at(50), 10)).isEmpty();
        assertThat(outbox.takeHeldReports(Channel.WHATSAPP, "wamid.nobody")).containsExactly(unmatched);
    }
}
