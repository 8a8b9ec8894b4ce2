package ke.invoiceiq.domain.chat;

import static ke.invoiceiq.domain.chat.ChatFixtures.COMPLETE;
import static ke.invoiceiq.domain.chat.ChatFixtures.IDLE;
import static ke.invoiceiq.domain.chat.ChatFixtures.T0;
import static ke.invoiceiq.domain.chat.ChatFixtures.descriptionStep;
import static ke.invoiceiq.domain.chat.ChatFixtures.dueDateStep;
import static ke.invoiceiq.domain.chat.ChatFixtures.sentDrafts;
import static ke.invoiceiq.domain.chat.ChatFixtures.tap;
import static ke.invoiceiq.domain.chat.ChatFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import ke.invoiceiq.domain.chat.ChatState.CollectingDueDate;
import ke.invoiceiq.domain.chat.ChatState.Confirming;
import org.junit.jupiter.api.Test;

/** The guided flow's optional due-date step, and the one-line invoice's due clause read against today. */
class ChatMachineDueDateTest {

    /** Monday 2 March 2026, 12:01 in Nairobi. */
    private static final Instant NOW = T0.plusSeconds(60);

    @Test
    void givenTheDescription_whenGiven_thenTheDueDateIsAskedWithSkip() {
        Transition t = ChatMachine.step(descriptionStep(), text(COMPLETE.description().orElseThrow().value()), NOW);

        assertThat(t.next()).isEqualTo(new CollectingDueDate(COMPLETE, false, NOW, false));
        assertThat(t.replies()).singleElement().satisfies(r -> {
            assertThat(r.text()).contains("When is it due?");
            assertThat(r.buttons()).contains(BotCopy.SKIP, BotCopy.CANCEL);
        });
    }

    @Test
    void givenTheDueDateStep_whenSkipIsTapped_thenThePreviewHasNoDueDate() {
        Transition t = ChatMachine.step(dueDateStep(), tap(BotCopy.SKIP), NOW);

        assertThat(t.next()).isEqualTo(new Confirming(COMPLETE, NOW, false));
        assertThat(t.replies().getFirst().text()).doesNotContain("Due");
    }

    @Test
    void givenTheDueDateStep_whenADayIsTyped_thenThePreviewShowsIt() {
        Transition t = ChatMachine.step(dueDateStep(), text("friday"), NOW);

        InvoiceDraft withDue = COMPLETE.withDueDate(Optional.of(LocalDate.of(2026, 3, 6)));
        assertThat(t.next()).isEqualTo(new Confirming(withDue, NOW, false));
        assertThat(t.replies().getFirst().text()).contains("• Due: 6 Mar 2026\n\nSend to customer now?");

        Transition send = ChatMachine.step(t.next(), tap(BotCopy.SEND), NOW);
        assertThat(sentDrafts(send)).containsExactly(withDue);
    }

    @Test
    void givenTheDueDateStep_whenAPastDayIsTyped_thenRefusedAndAskedAgain() {
        Transition t = ChatMachine.step(dueDateStep(), text("1/3/2026"), NOW);

        assertThat(t.next()).isInstanceOf(CollectingDueDate.class);
        assertThat(t.replies().getFirst().text()).contains("1 Mar 2026 has already passed");
        assertThat(t.effects()).isEmpty();
    }

    @Test
    void givenTheDueDateStep_whenGibberishIsTyped_thenTheExpectedFormsAreShown() {
        Transition t = ChatMachine.step(dueDateStep(), text("whenever"), NOW);

        assertThat(t.next()).isInstanceOf(CollectingDueDate.class);
        assertThat(t.replies().getFirst().text()).contains("Invalid due date");
    }

    @Test
    void givenAOneLineInvoiceWithADueClause_whenSent_thenTheDraftCarriesTheDay() {
        Transition t = ChatMachine.step(IDLE, text("invoice 0712345678 2500 Cleaning service (Wed 3pm) in 7 days"), NOW);

        assertThat(sentDrafts(t)).singleElement()
                .satisfies(d -> assertThat(d.dueDate()).contains(LocalDate.of(2026, 3, 9)));
    }

    @Test
    void givenAOneLineInvoiceDueOnAPastDay_whenSent_thenNothingIsCreatedAndTheMerchantIsTold() {
        Transition t = ChatMachine.step(IDLE, text("invoice 0712345678 2500 Cleaning due 1/3/2026"), NOW);

        assertThat(t.effects()).isEmpty();
        assertThat(t.replies().getFirst().text()).contains("has already passed");
    }

    @Test
    void givenLateEveningUtc_whenTomorrowIsTyped_thenItIsTheDayAfterTomorrowInUtcTerms() {
        // 21:30 UTC on 2 March is 00:30 on 3 March in Nairobi: tomorrow is the 4th
        Transition t = ChatMachine.step(IDLE, text("invoice 0712345678 2500 Cleaning due tomorrow"),
                Instant.parse("2026-03-02T21:30:00Z"));

        assertThat(sentDrafts(t)).singleElement()
                .satisfies(d -> assertThat(d.dueDate()).contains(LocalDate.of(2026, 3, 4)));
    }
}
