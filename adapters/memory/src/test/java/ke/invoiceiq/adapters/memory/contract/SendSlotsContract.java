package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.msisdn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.messaging.Pacing;
import ke.invoiceiq.domain.messaging.SendSlots;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SendSlots} must do: one WhatsApp send per recipient per pair interval and at most the
 * throughput per second for the number, taken atomically however many callers ask at once; a refused ask takes
 * nothing of the recipient's and says how long to wait; a slot further ahead than its period and the clock skew is
 * free (a clock far ahead took it), but one just ahead holds; a once-per-period key is taken by one caller only.
 */
public abstract class SendSlotsContract {

    private static final Pacing PACING = new Pacing(Duration.ofSeconds(6), 3);

    /** No slot taken; called once before each test. */
    protected abstract SendSlots slots();

    private SendSlots slots;

    @BeforeEach
    void startEmpty() {
        slots = slots();
    }

    @Test
    void givenARecipientJustMessaged_whenAskedAgainWithinThePairInterval_thenToldToWaitForTheRestOfIt() {
        assertThat(slots.tryTake(msisdn(1), at(0), PACING)).isEmpty();

        assertThat(slots.tryTake(msisdn(1), at(2), PACING)).contains(Duration.ofSeconds(4));
        assertThat(slots.tryTake(msisdn(1), at(5).plusMillis(500), PACING)).contains(Duration.ofMillis(500));
        assertThat(slots.tryTake(msisdn(2), at(2), PACING)).as("someone else").isEmpty();
        assertThat(slots.tryTake(msisdn(1), at(6), PACING)).as("exactly one interval later").isEmpty();
        assertThat(slots.tryTake(msisdn(1), at(7), PACING)).as("taken again at 6 s").contains(Duration.ofSeconds(5));
    }

    @Test
    void givenAMessageAcceptedLaterThanItsTurnWasTaken_whenTheRecipientIsAskedForAgain_thenTheTurnRunsFromTheAcceptance() {
        assertThat(slots.tryTake(msisdn(1), at(0), PACING)).isEmpty();
        slots.sentAt(msisdn(1), at(0).plusMillis(700), PACING);

        assertThat(slots.tryTake(msisdn(1), at(6), PACING)).contains(Duration.ofMillis(700));
        assertThat(slots.tryTake(msisdn(1), at(6).plusMillis(700), PACING)).isEmpty();
    }

    @Test
    void givenATurnTakenLaterThanAnEarlierAcceptance_whenTheAcceptanceIsRecorded_thenTheTurnIsNotBroughtForward() {
        assertThat(slots.tryTake(msisdn(1), at(10), PACING)).isEmpty();

        slots.sentAt(msisdn(1), at(9), PACING);

        assertThat(slots.tryTake(msisdn(1), at(15).plusMillis(500), PACING)).contains(Duration.ofMillis(500));
    }

    @Test
    void givenTheNumbersThroughputUsedUpThisSecond_whenAnotherRecipientAsks_thenToldToWaitForTheNextSecond() {
        Instant second = at(10);
        assertThat(slots.tryTake(msisdn(1), second, PACING)).isEmpty();
        assertThat(slots.tryTake(msisdn(2), second.plusMillis(100), PACING)).isEmpty();
        assertThat(slots.tryTake(msisdn(3), second.plusMillis(200), PACING)).isEmpty();

        assertThat(slots.tryTake(msisdn(4), second.plusMillis(750), PACING)).contains(Duration.ofMillis(250));
        assertThat(slots.tryTake(msisdn(4), second.plusSeconds(1), PACING)).as("a new second").isEmpty();
    }

    @Test
    void givenARefusal_whenTheNumberWasFull_thenTheRecipientsTurnIsStillFree() {
        slots.tryTake(msisdn(1), at(10), PACING);
        slots.tryTake(msisdn(2), at(10), PACING);
        slots.tryTake(msisdn(3), at(10), PACING);

        assertThat(slots.tryTake(msisdn(4), at(10), PACING)).isPresent();

        assertThat(slots.tryTake(msisdn(4), at(11), PACING)).as("no pair interval was started for it").isEmpty();
    }

    @Test
    void givenARefusal_whenTheRecipientWasPaced_thenNoTurnOfTheNumberIsUsed() {
        slots.tryTake(msisdn(1), at(10), PACING);
        slots.tryTake(msisdn(1), at(10).plusMillis(100), PACING);
        slots.tryTake(msisdn(1), at(10).plusMillis(200), PACING);

        assertThat(slots.tryTake(msisdn(2), at(10).plusMillis(300), PACING)).isEmpty();
        assertThat(slots.tryTake(msisdn(3), at(10).plusMillis(400), PACING)).isEmpty();
    }

    @Test
    void givenASlotTakenByAClockFarAhead_whenAskedNow_thenItIsFree() {
        assertThat(slots.tryTake(msisdn(1), at(3_600), PACING)).isEmpty();
        assertThat(slots.tryOnce("told:WHATSAPP:190", at(3 * 86_400), Duration.ofDays(1))).isTrue();

        assertThat(slots.tryTake(msisdn(1), at(0), PACING)).isEmpty();
        assertThat(slots.tryOnce("told:WHATSAPP:190", at(0), Duration.ofDays(1))).isTrue();
        assertThat(slots.tryTake(msisdn(1), at(1), PACING)).as("taken again at 0").isPresent();
    }

    @Test
    void givenTwoCallersThatReadTheTimeAMomentApart_whenTheLaterOneComesFirst_thenTheOtherIsStillRefused() {
        assertThat(slots.tryTake(msisdn(1), at(10).plusMillis(3), PACING)).isEmpty();
        assertThat(slots.tryOnce("told:SMS:401", at(10).plusMillis(3), Duration.ofHours(1))).isTrue();

        assertThat(slots.tryTake(msisdn(1), at(10), PACING)).isPresent();
        assertThat(slots.tryOnce("told:SMS:401", at(10), Duration.ofHours(1))).isFalse();
    }

    @Test
    void givenManyInstancesAskingForOneRecipientAtOnce_whenTheyRace_thenExactlyOneGetsTheTurn()
            throws InterruptedException {
        Pacing wide = new Pacing(Duration.ofSeconds(6), 1_000);

        List<Optional<Duration>> answers = Concurrently.run(8, i -> slots.tryTake(msisdn(1), at(20), wide));

        assertThat(answers).filteredOn(Optional::isEmpty).hasSize(1);
    }

    @Test
    void givenManyInstancesMessagingDistinctRecipientsInOneSecond_whenTheyRace_thenAtMostTheThroughputGoOut()
            throws InterruptedException {
        List<Optional<Duration>> answers = Concurrently.run(8, i -> slots.tryTake(msisdn(10 + i), at(30), PACING));

        assertThat(answers).filteredOn(Optional::isEmpty).hasSize(PACING.perSecond());
    }

    @Test
    void givenAKeyTakenOncePerPeriod_whenAskedAgain_thenOnlyAfterThePeriod() throws InterruptedException {
        List<Boolean> firsts = Concurrently.run(6, i -> slots.tryOnce("told:SMS:401", at(0), Duration.ofHours(1)));

        assertThat(firsts).containsOnlyOnce(true);
        assertThat(slots.tryOnce("told:SMS:401", at(3_599), Duration.ofHours(1))).isFalse();
        assertThat(slots.tryOnce("told:SMS:402", at(1), Duration.ofHours(1))).as("another key").isTrue();
        assertThat(slots.tryOnce("told:SMS:401", at(3_600), Duration.ofHours(1))).isTrue();
    }

    @Test
    void givenSlotsEndedAndRunning_whenPurged_thenOnlyTheEndedGoAtMostTheLimitAtATime() {
        slots.tryTake(msisdn(1), at(0), PACING);
        slots.tryTake(msisdn(2), at(1), PACING);
        slots.tryTake(msisdn(3), at(10), PACING);

        assertThat(slots.purgeExpired(at(12), 1)).isEqualTo(1);
        assertThat(slots.purgeExpired(at(12), 10)).as("the other pair, the number's second").isEqualTo(2);
        assertThat(slots.purgeExpired(at(12), 10)).isZero();
        assertThat(slots.tryTake(msisdn(3), at(12), PACING)).as("still running").isPresent();
    }
}
