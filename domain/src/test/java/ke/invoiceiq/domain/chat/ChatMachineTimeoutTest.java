package ke.invoiceiq.domain.chat;

import static ke.invoiceiq.domain.chat.ChatFixtures.IDLE;
import static ke.invoiceiq.domain.chat.ChatFixtures.T0;
import static ke.invoiceiq.domain.chat.ChatFixtures.amountStep;
import static ke.invoiceiq.domain.chat.ChatFixtures.onlyReply;
import static ke.invoiceiq.domain.chat.ChatFixtures.text;
import static ke.invoiceiq.domain.chat.ChatFixtures.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import ke.invoiceiq.domain.chat.ChatMachine.ChatTimeouts;
import ke.invoiceiq.domain.chat.ChatState.CollectingAmount;
import ke.invoiceiq.domain.chat.ChatState.Guided;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Clock ticks: one nudge after 5 quiet minutes, the session closed after 15, nothing otherwise. */
class ChatMachineTimeoutTest {

    static Stream<Arguments> guidedStates() {
        return ChatFixtures.guidedStates();
    }

    private static Instant after(Duration quiet) {
        return T0.plus(quiet);
    }

    @Test
    void givenIdle_whenTheClockTicks_thenNothingHappens() {
        Transition t = ChatMachine.step(IDLE, tick(), after(Duration.ofHours(3)));

        assertThat(t.next()).isEqualTo(IDLE);
        assertThat(t.replies()).isEmpty();
        assertThat(t.effects()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("guidedStates")
    void givenAGuidedStep_whenTicksBeforeFiveMinutes_thenNothingHappens(Guided state) {
        for (Duration quiet : new Duration[] {Duration.ZERO, Duration.ofMinutes(1), Duration.ofSeconds(299)}) {
            Transition t = ChatMachine.step(state, tick(), after(quiet));

            assertThat(t.next()).as("after %s", quiet).isEqualTo(state);
            assertThat(t.replies()).isEmpty();
            assertThat(t.effects()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("guidedStates")
    void givenAGuidedStep_whenFiveQuietMinutesPass_thenNudgesOnceKeepingTheDraft(Guided state) {
        Transition t = ChatMachine.step(state, tick(), after(Duration.ofMinutes(5)));

        Guided next = (Guided) t.next();
        assertThat(next.getClass()).isEqualTo(state.getClass());
        assertThat(next.draft()).isEqualTo(state.draft());
        assertThat(next.nudged()).isTrue();
        assertThat(next.lastInputAt()).as("a tick is not the merchant's input").isEqualTo(T0);
        assertThat(ChatFixtures.editing(next)).isEqualTo(ChatFixtures.editing(state));
        assertThat(onlyReply(t)).isEqualTo(Reply.of("Still there? Reply to continue or send 'cancel' to stop."));
        assertThat(t.effects()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("guidedStates")
    void givenANudgedStep_whenMoreTicksComeBeforeFifteenMinutes_thenDoesNotNudgeAgain(Guided state) {
        Guided nudged = (Guided) ChatMachine.step(state, tick(), after(Duration.ofMinutes(5))).next();

        for (Duration quiet : new Duration[] {Duration.ofMinutes(5), Duration.ofMinutes(6), Duration.ofSeconds(899)}) {
            Transition t = ChatMachine.step(nudged, tick(), after(quiet));

            assertThat(t.next()).as("after %s", quiet).isEqualTo(nudged);
            assertThat(t.replies()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("guidedStates")
    void givenANudgedStep_whenFifteenQuietMinutesPass_thenClosesTheSession(Guided state) {
        Guided nudged = (Guided) ChatMachine.step(state, tick(), after(Duration.ofMinutes(5))).next();

        Transition t = ChatMachine.step(nudged, tick(), after(Duration.ofMinutes(15)));

        assertThat(t.next()).isEqualTo(IDLE);
        assertThat(onlyReply(t).text()).isEqualTo("Session closed. Send 'new invoice' to start again.");
        assertThat(onlyReply(t).buttons()).containsExactly(BotCopy.NEW_INVOICE);
        assertThat(t.effects()).isEmpty();
    }

    @Test
    void givenAStepNeverNudged_whenTheFirstTickIsPastFifteenMinutes_thenClosesWithoutNudging() {
        Transition t = ChatMachine.step(amountStep(), tick(), after(Duration.ofMinutes(40)));

        assertThat(t.next()).isEqualTo(IDLE);
        assertThat(onlyReply(t).text()).isEqualTo(BotCopy.sessionClosed());
    }

    @Test
    void givenANudgedStep_whenTheMerchantAnswersAndGoesQuietAgain_thenTheyAreNudgedAgain() {
        Guided nudged = (Guided) ChatMachine.step(amountStep(), tick(), after(Duration.ofMinutes(5))).next();
        Instant answeredAt = after(Duration.ofMinutes(7));
        Transition answered = ChatMachine.step(nudged, text("oops"), answeredAt);

        assertThat(answered.next()).isEqualTo(new CollectingAmount(amountStep().draft(), false, answeredAt, false));

        Transition early = ChatMachine.step(answered.next(), tick(), answeredAt.plus(Duration.ofMinutes(4)));
        assertThat(early.replies()).isEmpty();

        Transition again = ChatMachine.step(answered.next(), tick(), answeredAt.plus(Duration.ofMinutes(5)));
        assertThat(onlyReply(again).text()).isEqualTo(BotCopy.stillThere());

        Transition notClosedYet = ChatMachine.step(again.next(), tick(), after(Duration.ofMinutes(16)));
        assertThat(notClosedYet.next()).as("15 minutes count from the last input").isEqualTo(again.next());
    }

    @Test
    void givenATickFromBeforeTheLastInput_whenProcessed_thenNothingHappens() {
        Transition t = ChatMachine.step(amountStep(), tick(), T0.minus(Duration.ofMinutes(30)));

        assertThat(t.next()).isEqualTo(amountStep());
        assertThat(t.replies()).isEmpty();
    }

    @Test
    void givenCustomTimeouts_whenTicking_thenTheyAreUsed() {
        ChatTimeouts fast = new ChatTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(2));

        Transition nudge = ChatMachine.step(amountStep(), tick(), after(Duration.ofSeconds(30)), fast);
        assertThat(onlyReply(nudge).text()).isEqualTo(BotCopy.stillThere());

        Transition close = ChatMachine.step(nudge.next(), tick(), after(Duration.ofMinutes(2)), fast);
        assertThat(close.next()).isEqualTo(IDLE);
    }

    @Test
    void givenDefaultTimeouts_thenFiveAndFifteenMinutes() {
        assertThat(ChatTimeouts.DEFAULT.nudgeAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(ChatTimeouts.DEFAULT.closeAfter()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void givenNonsensicalTimeouts_whenBuilt_thenRejected() {
        assertThatThrownBy(() -> new ChatTimeouts(Duration.ZERO, Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChatTimeouts(Duration.ofMinutes(15), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChatTimeouts(Duration.ofMinutes(5), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
