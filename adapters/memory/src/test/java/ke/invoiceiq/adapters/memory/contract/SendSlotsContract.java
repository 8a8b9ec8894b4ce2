package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.msisdn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import ke.invoiceiq.domain.messaging.Pacing;
import ke.invoiceiq.domain.messaging.SendSlots;
import ke.invoiceiq.domain.messaging.SendTurn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SendSlots} must do: one WhatsApp send per recipient per pair interval and the number's turns
 * spread one {@link Pacing#numberSpacing()} apart, at most a second ahead, taken atomically however many callers ask
 * at once; a refused ask takes
 * nothing of the recipient's and says how long to wait; a slot further ahead than its period and the clock skew is
 * free (a clock far ahead took it), but one just ahead holds; a once-per-period key is taken by one caller only.
 */
public abstract class SendSlotsContract {

    private static final Pacing PACING = new Pacing(Duration.ofSeconds(6), 3);
    /** 1.04 s / 3, to the microsecond. */
    private static final Duration SPACING = Duration.ofNanos(346_667_000);
    private static final SendTurn NOW = new SendTurn.Taken(Duration.ZERO);

    /** No slot taken; called once before each test. */
    protected abstract SendSlots slots();

    private SendSlots slots;

    @BeforeEach
    void startEmpty() {
        slots = slots();
    }

    @Test
    void givenARecipientJustMessaged_whenAskedAgainWithinThePairInterval_thenToldToWaitForTheRestOfIt() {
        assertThat(slots.tryTake(msisdn(1), at(0), PACING)).isEqualTo(NOW);

        assertThat(slots.tryTake(msisdn(1), at(2), PACING)).isEqualTo(new SendTurn.Paced(Duration.ofSeconds(4)));
        assertThat(slots.tryTake(msisdn(1), at(5).plusMillis(500), PACING))
                .isEqualTo(new SendTurn.Paced(Duration.ofMillis(500)));
        assertThat(slots.tryTake(msisdn(2), at(2), PACING)).as("someone else").isEqualTo(NOW);
        assertThat(slots.tryTake(msisdn(1), at(6), PACING)).as("exactly one interval later").isEqualTo(NOW);
        assertThat(slots.tryTake(msisdn(1), at(7), PACING)).as("taken again at 6 s")
                .isEqualTo(new SendTurn.Paced(Duration.ofSeconds(5)));
    }

    @Test
    void givenAMessageAcceptedLaterThanItsTurnWasTaken_whenTheRecipientIsAskedForAgain_thenTheTurnRunsFromTheAcceptance() {
        assertThat(slots.tryTake(msisdn(1), at(0), PACING)).isEqualTo(NOW);
        slots.sentAt(msisdn(1), at(0).plusMillis(700), PACING);

        assertThat(slots.tryTake(msisdn(1), at(6), PACING)).isEqualTo(new SendTurn.Paced(Duration.ofMillis(700)));
        assertThat(slots.tryTake(msisdn(1), at(6).plusMillis(700), PACING)).isEqualTo(NOW);
    }

    @Test
    void givenATurnTakenLaterThanAnEarlierAcceptance_whenTheAcceptanceIsRecorded_thenTheTurnIsNotBroughtForward() {
        assertThat(slots.tryTake(msisdn(1), at(10), PACING)).isEqualTo(NOW);

        slots.sentAt(msisdn(1), at(9), PACING);

        assertThat(slots.tryTake(msisdn(1), at(15).plusMillis(500), PACING))
                .isEqualTo(new SendTurn.Paced(Duration.ofMillis(500)));
    }

    @Test
    void givenSeveralAsksAtOnce_whenTheNumbersTurnsAreTaken_thenTheyAreSpreadOneSpacingApartAtMostASecondAhead() {
        Instant now = at(10);

        assertThat(slots.tryTake(msisdn(1), now, PACING)).isEqualTo(NOW);
        assertThat(slots.tryTake(msisdn(2), now, PACING)).isEqualTo(new SendTurn.Taken(SPACING));
        assertThat(slots.tryTake(msisdn(3), now, PACING)).isEqualTo(new SendTurn.Taken(SPACING.multipliedBy(2)));
        assertThat(slots.tryTake(msisdn(4), now, PACING)).as("its turn would start 1.04 s from now")
                .isEqualTo(new SendTurn.Throttled(SPACING.multipliedBy(3).minus(SendSlots.NUMBER_TURNS_AHEAD)));
        assertThat(slots.tryTake(msisdn(4), now.plusMillis(41), PACING)).as("less than a second before its turn")
                .isEqualTo(new SendTurn.Taken(SPACING.multipliedBy(3).minusMillis(41)));
    }

    @Test
    void givenTheNumberIdleForAWhile_whenAsked_thenItsTurnIsNowNotOwedFromThePast() {
        assertThat(slots.tryTake(msisdn(1), at(10), PACING)).isEqualTo(NOW);

        assertThat(slots.tryTake(msisdn(2), at(20), PACING)).isEqualTo(NOW);
        assertThat(slots.tryTake(msisdn(3), at(20), PACING)).as("no burst saved up while idle")
                .isEqualTo(new SendTurn.Taken(SPACING));
    }

    @Test
    void givenARefusal_whenTheNumberWasFull_thenTheRecipientsTurnIsStillFree() {
        slots.tryTake(msisdn(1), at(10), PACING);
        slots.tryTake(msisdn(2), at(10), PACING);
        slots.tryTake(msisdn(3), at(10), PACING);

        assertThat(slots.tryTake(msisdn(4), at(10), PACING)).isInstanceOf(SendTurn.Throttled.class);

        assertThat(slots.tryTake(msisdn(4), at(11), PACING)).as("no pair interval was started for it")
                .isInstanceOf(SendTurn.Taken.class);
    }

    @Test
    void givenARefusal_whenTheRecipientWasPaced_thenNoTurnOfTheNumberIsUsed() {
        slots.tryTake(msisdn(1), at(10), PACING);
        slots.tryTake(msisdn(1), at(10).plusMillis(100), PACING);
        slots.tryTake(msisdn(1), at(10).plusMillis(200), PACING);

        assertThat(slots.tryTake(msisdn(2), at(10).plusMillis(400), PACING)).isInstanceOf(SendTurn.Taken.class);
        assertThat(slots.tryTake(msisdn(3), at(10).plusMillis(400), PACING)).isInstanceOf(SendTurn.Taken.class);
    }

    @Test
    void givenATurnOfTheNumberAhead_whenTheRecipientIsAskedForAgain_thenItsIntervalRunsFromThatTurn() {
        slots.tryTake(msisdn(1), at(10), PACING);
        assertThat(slots.tryTake(msisdn(2), at(10), PACING)).isEqualTo(new SendTurn.Taken(SPACING));

        assertThat(slots.tryTake(msisdn(2), at(16), PACING)).isEqualTo(new SendTurn.Paced(SPACING));
    }

    @Test
    void givenASlotTakenByAClockFarAhead_whenAskedNow_thenItIsFree() {
        assertThat(slots.tryTake(msisdn(1), at(3_600), PACING)).isEqualTo(NOW);
        assertThat(slots.tryOnce("told:WHATSAPP:190", at(3 * 86_400), Duration.ofDays(1))).isTrue();

        assertThat(slots.tryTake(msisdn(1), at(0), PACING)).as("the recipient's and the number's turn")
                .isEqualTo(NOW);
        assertThat(slots.tryOnce("told:WHATSAPP:190", at(0), Duration.ofDays(1))).isTrue();
        assertThat(slots.tryTake(msisdn(1), at(1), PACING)).as("taken again at 0").isInstanceOf(SendTurn.Paced.class);
    }

    @Test
    void givenTheNumbersTurnTakenByAClockSecondsAhead_whenAskedNow_thenTheChainStartsAgainFromNow() {
        assertThat(slots.tryTake(msisdn(1), at(40), PACING)).isEqualTo(NOW);

        assertThat(slots.tryTake(msisdn(2), at(10), PACING)).as("30 s behind that clock: not a minute's wait")
                .isEqualTo(NOW);
        assertThat(slots.tryTake(msisdn(3), at(10), PACING)).isEqualTo(new SendTurn.Taken(SPACING));
    }

    @Test
    void givenTwoCallersThatReadTheTimeAMomentApart_whenTheLaterOneComesFirst_thenTheOtherIsStillRefused() {
        assertThat(slots.tryTake(msisdn(1), at(10).plusMillis(3), PACING)).isEqualTo(NOW);
        assertThat(slots.tryOnce("told:SMS:401", at(10).plusMillis(3), Duration.ofHours(1))).isTrue();

        assertThat(slots.tryTake(msisdn(1), at(10), PACING)).isInstanceOf(SendTurn.Paced.class);
        assertThat(slots.tryOnce("told:SMS:401", at(10), Duration.ofHours(1))).isFalse();
    }

    @Test
    void givenManyInstancesAskingForOneRecipientAtOnce_whenTheyRace_thenExactlyOneGetsTheTurn()
            throws InterruptedException {
        Pacing wide = new Pacing(Duration.ofSeconds(6), 1_000);

        List<SendTurn> answers = Concurrently.run(8, i -> slots.tryTake(msisdn(1), at(20), wide));

        assertThat(answers).filteredOn(SendTurn.Taken.class::isInstance).hasSize(1);
    }

    @Test
    void givenManyInstancesMessagingDistinctRecipientsAtOnce_whenTheyRace_thenEachTurnOfTheNumberGoesToOne()
            throws InterruptedException {
        List<SendTurn> answers = Concurrently.run(8, i -> slots.tryTake(msisdn(10 + i), at(30), PACING));

        assertThat(answers).filteredOn(SendTurn.Taken.class::isInstance)
                .extracting(SendTurn::after)
                .containsExactlyInAnyOrder(Duration.ZERO, SPACING, SPACING.multipliedBy(2));
        assertThat(answers).filteredOn(SendTurn.Throttled.class::isInstance).hasSize(5);
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
        assertThat(slots.purgeExpired(at(12), 10)).as("the other pair, the number's turn").isEqualTo(2);
        assertThat(slots.purgeExpired(at(12), 10)).isZero();
        assertThat(slots.tryTake(msisdn(3), at(12), PACING)).as("still running").isInstanceOf(SendTurn.Paced.class);
    }
}
