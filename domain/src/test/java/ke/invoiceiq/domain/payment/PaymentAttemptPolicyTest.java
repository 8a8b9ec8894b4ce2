package ke.invoiceiq.domain.payment;

import static ke.invoiceiq.domain.payment.PaymentFixtures.T0;
import static ke.invoiceiq.domain.payment.PaymentFixtures.endedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One attempt in flight per invoice; after a failed or expired attempt, wait out the cooldown. */
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
    void givenSuccessfulAttempt_whenDeciding_thenAlreadyPaidNamingThatAttempt() {
        Payment paid = endedAt("pay-1", PaymentStatus.SUCCESS, NOW.minus(Duration.ofMinutes(5)));

        assertThat(policy.decide(List.of(paid), NOW)).isEqualTo(new AttemptDecision.AlreadyPaid(paid));
    }

    @Test
    void givenSuccessAndAnotherAttemptStillOpen_whenDeciding_thenAlreadyPaidWins() {
        Payment open = endedAt("pay-1", PaymentStatus.INITIATED, NOW.minusSeconds(5));
        Payment paid = endedAt("pay-2", PaymentStatus.SUCCESS, NOW.minusSeconds(20));

        assertThat(policy.decide(List.of(open, paid), NOW)).isEqualTo(new AttemptDecision.AlreadyPaid(paid));
    }

    @Test
    void givenSuccessLongAgo_whenDecidingAfterCooldown_thenStillAlreadyPaid() {
        Payment paid = endedAt("pay-1", PaymentStatus.SUCCESS, NOW.minus(Duration.ofDays(1)));

        assertThat(policy.decide(List.of(paid), NOW)).isInstanceOf(AttemptDecision.AlreadyPaid.class);
    }

    @ParameterizedTest
    @EnumSource(value = PaymentStatus.class, names = {"FAILED", "EXPIRED"})
    void givenLastAttemptEndedOneMinuteAgo_whenDecidingWithTwoMinuteCooldown_thenCoolingDownUntilEndPlusTwoMinutes(
            PaymentStatus ended) {
        Instant endedAt = NOW.minus(Duration.ofMinutes(1));
        Payment last = endedAt("pay-1", ended, endedAt);

        AttemptDecision decision = policy.decide(List.of(last), NOW);

        assertThat(decision).isEqualTo(new AttemptDecision.CoolingDown(endedAt.plus(Duration.ofMinutes(2))));
        assertThat(((AttemptDecision.CoolingDown) decision).until()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    }

    @ParameterizedTest
    @EnumSource(value = PaymentStatus.class, names = {"FAILED", "EXPIRED"})
    void givenLastAttemptEndedLongerAgoThanCooldown_whenDeciding_thenAllowed(PaymentStatus ended) {
        Payment last = endedAt("pay-1", ended, NOW.minus(Duration.ofMinutes(3)));

        assertThat(policy.decide(List.of(last), NOW)).isEqualTo(new AttemptDecision.Allowed());
    }

    @Test
    void givenLastFailureExactlyOneCooldownAgo_whenDeciding_thenAllowed() {
        Payment last = endedAt("pay-1", PaymentStatus.FAILED, NOW.minus(Duration.ofMinutes(2)));

        assertThat(policy.decide(List.of(last), NOW)).isEqualTo(new AttemptDecision.Allowed());
    }

    @Test
    void givenSeveralEndedAttempts_whenDeciding_thenCooldownCountsFromTheMostRecentOneWhateverTheOrder() {
        Instant recent = NOW.minusSeconds(30);
        Payment old = endedAt("pay-1", PaymentStatus.EXPIRED, NOW.minus(Duration.ofMinutes(20)));
        Payment latest = endedAt("pay-2", PaymentStatus.FAILED, recent);
        Payment middle = endedAt("pay-3", PaymentStatus.FAILED, NOW.minus(Duration.ofMinutes(10)));

        assertThat(policy.decide(List.of(old, latest, middle), NOW))
                .isEqualTo(new AttemptDecision.CoolingDown(recent.plus(Duration.ofMinutes(2))));
    }

    @Test
    void givenFiveMinuteCooldown_whenLastFailureThreeMinutesAgo_thenCoolingDownForTwoMore() {
        PaymentAttemptPolicy slow = new PaymentAttemptPolicy(Duration.ofMinutes(5));
        Instant endedAt = NOW.minus(Duration.ofMinutes(3));
        Payment last = endedAt("pay-1", PaymentStatus.FAILED, endedAt);

        assertThat(slow.decide(List.of(last), NOW))
                .isEqualTo(new AttemptDecision.CoolingDown(NOW.plus(Duration.ofMinutes(2))));
        assertThat(policy.decide(List.of(last), NOW)).isEqualTo(new AttemptDecision.Allowed());
    }

    @Test
    void givenZeroCooldown_whenLastFailureJustNow_thenAllowed() {
        PaymentAttemptPolicy none = new PaymentAttemptPolicy(Duration.ZERO);
        Payment last = endedAt("pay-1", PaymentStatus.FAILED, NOW);

        assertThat(none.decide(List.of(last), NOW)).isEqualTo(new AttemptDecision.Allowed());
    }

    @Test
    void givenNegativeCooldown_whenCreated_thenRejected() {
        assertThatThrownBy(() -> new PaymentAttemptPolicy(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentAttemptPolicy(null)).isInstanceOf(NullPointerException.class);
    }
}
