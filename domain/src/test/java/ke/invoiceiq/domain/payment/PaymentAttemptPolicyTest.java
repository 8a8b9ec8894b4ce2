package ke.invoiceiq.domain.payment;

import static ke.invoiceiq.domain.payment.PaymentFixtures.T0;
import static ke.invoiceiq.domain.payment.PaymentFixtures.endedAt;
import static ke.invoiceiq.domain.payment.PaymentFixtures.endedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One attempt in flight per invoice; after an attempt that ended without money, a new prompt at once or after the
 * cooldown, as the reason it ended for says. Money already received does not stop a new attempt here: whether the
 * invoice still wants one is the invoice's business.
 */
class PaymentAttemptPolicyTest {

    private static final Instant NOW = T0.plus(Duration.ofHours(1));
    private final PaymentAttemptPolicy policy = new PaymentAttemptPolicy(Duration.ofMinutes(2));

    @Test
    void givenDefaultPolicy_whenRead_thenCooldownIsTwoMinutes() {
        assertThat(PaymentAttemptPolicy.DEFAULT.cooldown()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void givenNoAttempts_whenDeciding_thenAllowed() {
        assertThat(policy.decide(List.of(), NOW)).isEqualTo(new AttemptDecision.Allowed());
    }

    @Test
    void givenInitiatedAttempt_whenDeciding_thenInFlightNamingThatAttempt() {
        Payment open = endedAt("pay-1", PaymentStatus.INITIATED, NOW.minusSeconds(10));

        assertThat(policy.decide(List.of(open), NOW)).isEqualTo(new AttemptDecision.InFlight(open));
    }

    @Test
    void givenInitiatedAttemptAfterOldFailures_whenDeciding_thenInFlight() {
        Payment oldFailure = endedAt("pay-1", PaymentStatus.FAILED, NOW.minus(Duration.ofMinutes(30)));
        Payment open = endedAt("pay-2", PaymentStatus.INITIATED, NOW.minusSeconds(10));

        assertThat(policy.decide(List.of(oldFailure, open), NOW)).isEqualTo(new AttemptDecision.InFlight(open));
    }

    @Test
    void givenUnnamedAttemptWhoseOutcomeIsUnknown_whenDeciding_thenInFlightBecauseItsPromptMayBeOpen() {
        Payment timedOut = PaymentFixtures.initiated("pay-1", NOW.minus(Duration.ofMinutes(5)));

        assertThat(policy.decide(List.of(timedOut), NOW)).isEqualTo(new AttemptDecision.InFlight(timedOut));
    }

    /** Was AlreadyPaid: a partly paid invoice must be able to ask for its balance. */
    @Test
    void givenSuccessfulAttempt_whenDeciding_thenAllowed() {
        Payment paid = endedAt("pay-1", PaymentStatus.SUCCESS, NOW.minusSeconds(5));

        assertThat(policy.decide(List.of(paid), NOW)).isEqualTo(new AttemptDecision.Allowed());
    }

    @Test
    void givenSuccessAndAnotherAttemptStillOpen_whenDeciding_thenInFlightWins() {
        Payment open = endedAt("pay-1", PaymentStatus.INITIATED, NOW.minusSeconds(5));
        Payment paid = endedAt("pay-2", PaymentStatus.SUCCESS, NOW.minusSeconds(20));

        assertThat(policy.decide(List.of(paid, open), NOW)).isEqualTo(new AttemptDecision.InFlight(open));
    }

    @Test
    void givenCancellationThenALaterSuccess_whenDeciding_thenTheCooldownStillCountsFromTheCancellation() {
        Payment cancelled = endedFor("pay-1", StkReason.CANCELLED_BY_USER, NOW.minusSeconds(60));
        Payment paid = endedAt("pay-2", PaymentStatus.SUCCESS, NOW.minusSeconds(10));

        assertThat(policy.decide(List.of(cancelled, paid), NOW))
                .isEqualTo(new AttemptDecision.CoolingDown(NOW.plusSeconds(60)));
    }

    /** One row per reason an attempt can end without money: whether a new prompt waits for the cooldown. */
    record Row(StkReason reason, boolean cooldown) {
        @Override
        public String toString() {
            return reason + (cooldown ? ": after the cooldown" : ": at once");
        }
    }

    static List<Row> cooldownByReason() {
        return List.of(
                new Row(StkReason.SUBSCRIBER_BUSY, false),
                new Row(StkReason.UNAVAILABLE, false),
                new Row(StkReason.REJECTED, false),
                new Row(StkReason.INSUFFICIENT_FUNDS, false),
                new Row(StkReason.WRONG_PIN, false),
                new Row(StkReason.EXPIRED, false),
                new Row(StkReason.PUSH_ERROR, false),
                new Row(StkReason.GENERIC_FAILURE, false),
                new Row(StkReason.NO_ANSWER, false),
                new Row(StkReason.OTHER, false),
                new Row(StkReason.CANCELLED_BY_USER, true),
                new Row(StkReason.PHONE_UNREACHABLE, true),
                new Row(StkReason.RULE_LIMITED, true));
    }

    @Test
    void givenTheReasonTable_whenCounted_thenEveryReasonButPaidHasExactlyOneRow() {
        List<StkReason> rows = cooldownByReason().stream().map(Row::reason).toList();

        assertThat(rows).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(StkReason.PAID)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cooldownByReason")
    void givenAttemptEndedForReasonJustNow_whenDeciding_thenCooldownOnlyAfterReasonsThatAskForIt(Row row) {
        Payment last = endedFor("pay-1", row.reason(), NOW);
        Instant until = NOW.plus(Duration.ofMinutes(2));

        AttemptDecision atOnce = policy.decide(List.of(last), NOW);
        AttemptDecision justBefore = policy.decide(List.of(last), until.minusMillis(1));
        AttemptDecision atTheEnd = policy.decide(List.of(last), until);

        assertThat(last.endReason()).contains(row.reason());
        assertThat(row.reason().retry())
                .isEqualTo(row.cooldown() ? StkReason.Retry.AFTER_COOLDOWN : StkReason.Retry.AT_ONCE);
        if (row.cooldown()) {
            assertThat(atOnce).isEqualTo(new AttemptDecision.CoolingDown(until));
            assertThat(justBefore).isEqualTo(new AttemptDecision.CoolingDown(until));
            assertThat(policy.retryFrom(last)).contains(until);
        } else {
            assertThat(atOnce).isEqualTo(new AttemptDecision.Allowed());
            assertThat(justBefore).isEqualTo(new AttemptDecision.Allowed());
            assertThat(policy.retryFrom(last)).isEmpty();
        }
        assertThat(atTheEnd).isEqualTo(new AttemptDecision.Allowed());
    }

    @ParameterizedTest
    @EnumSource(value = PaymentStatus.class, names = {"INITIATED", "SUCCESS"})
    void givenAttemptNotEndedWithoutMoney_whenAskedWhenToRetry_thenNoWait(PaymentStatus status) {
        assertThat(policy.retryFrom(endedAt("pay-1", status, NOW))).isEmpty();
    }

    @Test
    void givenLastCancellationExactlyOneCooldownAgo_whenDeciding_thenAllowed() {
        Payment last = endedAt("pay-1", PaymentStatus.FAILED, NOW.minus(Duration.ofMinutes(2)));

        assertThat(policy.decide(List.of(last), NOW)).isEqualTo(new AttemptDecision.Allowed());
    }

    @Test
    void givenSeveralEndedAttempts_whenDeciding_thenCooldownCountsFromTheMostRecentOneWhateverTheOrder() {
        Instant recent = NOW.minusSeconds(30);
        Payment old = endedFor("pay-1", StkReason.PHONE_UNREACHABLE, NOW.minus(Duration.ofMinutes(20)));
        Payment latest = endedAt("pay-2", PaymentStatus.FAILED, recent);
        Payment middle = endedAt("pay-3", PaymentStatus.FAILED, NOW.minus(Duration.ofMinutes(10)));

        assertThat(policy.decide(List.of(old, latest, middle), NOW))
                .isEqualTo(new AttemptDecision.CoolingDown(recent.plus(Duration.ofMinutes(2))));
    }

    @Test
    void givenCancellationFollowedByAnAttemptThatEndedForAReasonWithoutWait_whenDeciding_thenTheLatestDecides() {
        Payment cancelled = endedFor("pay-1", StkReason.CANCELLED_BY_USER, NOW.minusSeconds(40));
        Payment wrongPin = endedFor("pay-2", StkReason.WRONG_PIN, NOW.minusSeconds(10));

        assertThat(policy.decide(List.of(wrongPin, cancelled), NOW)).isEqualTo(new AttemptDecision.Allowed());
    }

    @Test
    void givenFiveMinuteCooldown_whenLastCancellationThreeMinutesAgo_thenCoolingDownForTwoMore() {
        PaymentAttemptPolicy slow = new PaymentAttemptPolicy(Duration.ofMinutes(5));
        Instant endedAt = NOW.minus(Duration.ofMinutes(3));
        Payment last = endedAt("pay-1", PaymentStatus.FAILED, endedAt);

        assertThat(slow.decide(List.of(last), NOW))
                .isEqualTo(new AttemptDecision.CoolingDown(NOW.plus(Duration.ofMinutes(2))));
        assertThat(slow.retryFrom(last)).contains(NOW.plus(Duration.ofMinutes(2)));
        assertThat(policy.decide(List.of(last), NOW)).isEqualTo(new AttemptDecision.Allowed());
    }

    @Test
    void givenZeroCooldown_whenLastCancellationJustNow_thenAllowed() {
        PaymentAttemptPolicy none = new PaymentAttemptPolicy(Duration.ZERO);
        Payment last = endedAt("pay-1", PaymentStatus.FAILED, NOW);

        assertThat(none.decide(List.of(last), NOW)).isEqualTo(new AttemptDecision.Allowed());
        assertThat(none.retryFrom(last)).isEqualTo(Optional.of(NOW));
    }

    @Test
    void givenNegativeCooldown_whenCreated_thenRejected() {
        assertThatThrownBy(() -> new PaymentAttemptPolicy(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentAttemptPolicy(null)).isInstanceOf(NullPointerException.class);
    }
}
