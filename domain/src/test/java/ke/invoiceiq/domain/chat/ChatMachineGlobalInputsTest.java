package ke.invoiceiq.domain.chat;

import static ke.invoiceiq.domain.chat.ChatFixtures.IDLE;
import static ke.invoiceiq.domain.chat.ChatFixtures.NOW;
import static ke.invoiceiq.domain.chat.ChatFixtures.T0;
import static ke.invoiceiq.domain.chat.ChatFixtures.onlyReply;
import static ke.invoiceiq.domain.chat.ChatFixtures.phoneStep;
import static ke.invoiceiq.domain.chat.ChatFixtures.step;
import static ke.invoiceiq.domain.chat.ChatFixtures.tap;
import static ke.invoiceiq.domain.chat.ChatFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import ke.invoiceiq.domain.chat.ChatEffect.RunCommand;
import ke.invoiceiq.domain.chat.ChatState.ChoosingEdit;
import ke.invoiceiq.domain.chat.ChatState.CollectingAmount;
import ke.invoiceiq.domain.chat.ChatState.CollectingDescription;
import ke.invoiceiq.domain.chat.ChatState.CollectingName;
import ke.invoiceiq.domain.chat.ChatState.CollectingPhone;
import ke.invoiceiq.domain.chat.ChatState.Confirming;
import ke.invoiceiq.domain.chat.ChatState.Guided;
import ke.invoiceiq.domain.command.Command;
import ke.invoiceiq.domain.invoice.InvoiceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs that mean the same at every guided step: cancel, help, the New Invoice button, and invoice buttons
 * (remind / cancel an invoice). Also: every input counts as activity. None of these needs the parser.
 */
class ChatMachineGlobalInputsTest {

    private static final InvoiceId ID = new InvoiceId("INV-7K3Q9X");

    static Stream<Arguments> guidedStates() {
        return ChatFixtures.guidedStates();
    }

    @ParameterizedTest
    @MethodSource("guidedStates")
    void givenAnyGuidedStep_whenCancelTyped_thenGoesIdleAndSaysNoInvoiceWasCreated(Guided state) {
        for (String cancel : List.of("cancel", "CANCEL", "  Cancel ")) {
            Transition t = step(state, text(cancel));

            assertThat(t.next()).isEqualTo(IDLE);
            assertThat(onlyReply(t)).isEqualTo(Reply.of("Okay, cancelled. No invoice was created."));
            assertThat(t.effects()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("guidedStates")
    void givenAnyGuidedStep_whenCancelButtonTapped_thenGoesIdleAndSaysNoInvoiceWasCreated(Guided state) {
        Transition t = step(state, tap(BotCopy.CANCEL));

        assertThat(t.next()).isEqualTo(IDLE);
        assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.flowCancelled()));
        assertThat(t.effects()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("guidedStates")
    void givenAnyGuidedStep_whenHelpTyped_thenExplainsAndReasksTheOpenQuestion(Guided state) {
        Transition t = step(state, text(" HELP "));

        Guided stayed = (Guided) t.next();
        assertThat(stayed.getClass()).isEqualTo(state.getClass());
        assertThat(stayed.draft()).isEqualTo(state.draft());
        assertThat(ChatFixtures.editing(stayed)).isEqualTo(ChatFixtures.editing(state));
        assertThat(stayed.lastInputAt()).isEqualTo(NOW);
        assertThat(t.replies()).hasSize(2);
        assertThat(t.replies().get(0)).isEqualTo(
                Reply.of("You can create an invoice step-by-step. At any time, send 'cancel' to stop."));
        assertThat(t.replies().get(1)).isEqualTo(ChatMachine.prompt(state));
        assertThat(t.effects()).isEmpty();
    }

    @Test
    void givenEachStep_whenHelp_thenTheSecondReplyIsThatStepsQuestion() {
        assertThat(step(phoneStep(), text("help")).replies().get(1).text()).isEqualTo(BotCopy.askPhone());
        assertThat(step(ChatFixtures.nameStep(), text("help")).replies().get(1).buttons())
                .containsExactly(BotCopy.SKIP, BotCopy.CANCEL);
        assertThat(step(ChatFixtures.amountStep(), text("help")).replies().get(1).text())
                .isEqualTo(BotCopy.askAmount());
        assertThat(step(ChatFixtures.descriptionStep(), text("help")).replies().get(1).text())
                .isEqualTo(BotCopy.askDescription());
        assertThat(step(ChatFixtures.confirming(), text("help")).replies().get(1).text())
                .startsWith("Review invoice:");
        assertThat(step(ChatFixtures.choosingEdit(), text("help")).replies().get(1).buttons())
                .containsExactly(BotCopy.EDIT_AMOUNT, BotCopy.EDIT_DESCRIPTION, BotCopy.EDIT_CUSTOMER);
    }

    @ParameterizedTest
    @MethodSource("guidedStates")
    void givenAnyGuidedStep_whenNewInvoiceButtonTapped_thenRestartsWithAnEmptyDraft(Guided state) {
        Transition t = step(state, tap(BotCopy.NEW_INVOICE));

        assertThat(t.next()).isEqualTo(new CollectingPhone(InvoiceDraft.EMPTY, false, NOW, false));
        assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.askPhone(), BotCopy.CANCEL));
        assertThat(t.effects()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("guidedStates")
    void givenAnyGuidedStep_whenARemindOrCancelInvoiceButtonIsTapped_thenRunsItAndKeepsTheDraft(Guided state) {
        Transition remind = step(state, tap(BotCopy.remindButton(ID)));
        Transition cancel = step(state, tap(BotCopy.cancelInvoiceButton(ID)));

        assertThat(remind.effects()).containsExactly(new RunCommand(new Command.Remind(ID)));
        assertThat(cancel.effects()).containsExactly(new RunCommand(new Command.Cancel(ID)));
        for (Transition t : List.of(remind, cancel)) {
            assertThat(t.replies()).isEmpty();
            assertThat(t.next().getClass()).isEqualTo(state.getClass());
            assertThat(((Guided) t.next()).draft()).isEqualTo(state.draft());
            assertThat(((Guided) t.next()).lastInputAt()).isEqualTo(NOW);
        }
    }

    @ParameterizedTest
    @MethodSource("guidedStates")
    void givenANudgedStep_whenTheMerchantWritesAnything_thenLastInputMovesToNowAndTheNudgeClears(Guided state) {
        Guided nudged = nudged(state);
        for (ChatInput input : List.of(text("help"), text("???"), tap("mystery"))) {
            Transition t = step(nudged, input);

            Guided next = (Guided) t.next();
            assertThat(next.lastInputAt()).as("after %s", input).isEqualTo(NOW);
            assertThat(next.nudged()).as("after %s", input).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cancel", "skip", "send", "edit", "edit_amount", "edit_description", "edit_customer"})
    void givenIdle_whenAStaleFlowButtonIsTapped_thenNothingHappensAndTheMerchantIsTold(String buttonId) {
        Transition t = step(IDLE, tap(buttonId));

        assertThat(t.next()).isEqualTo(IDLE);
        assertThat(t.effects()).isEmpty();
        assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.noInvoiceInProgress(), BotCopy.NEW_INVOICE));
    }

    @Test
    void givenIdle_whenRemindButtonTapped_thenRunsRemind() {
        Transition t = step(IDLE, tap(BotCopy.remindButton(ID)));

        assertThat(t.next()).isEqualTo(IDLE);
        assertThat(t.replies()).isEmpty();
        assertThat(t.effects()).containsExactly(new RunCommand(new Command.Remind(ID)));
    }

    @Test
    void givenIdle_whenCancelInvoiceButtonTapped_thenRunsCancel() {
        Transition t = step(IDLE, tap("cancel_INV-7K3Q9X"));

        assertThat(t.next()).isEqualTo(IDLE);
        assertThat(t.replies()).isEmpty();
        assertThat(t.effects()).containsExactly(new RunCommand(new Command.Cancel(ID)));
    }

    @Test
    void givenIdle_whenCustomerButtonsAreTappedByTheMerchant_thenPayAndStatusRun() {
        assertThat(step(IDLE, tap(BotCopy.payButton(ID))).effects())
                .containsExactly(new RunCommand(new Command.Pay(ID)));
        assertThat(step(IDLE, tap(BotCopy.viewButton(ID))).effects())
                .containsExactly(new RunCommand(new Command.Status(ID)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mystery", "remind_banana", "cancel_INV-UUUUUU", "pay_", "new invoice"})
    void givenIdle_whenAnUnknownButtonIsTapped_thenRepliesUnknownCommandWithNewInvoice(String buttonId) {
        Transition t = step(IDLE, tap(buttonId));

        assertThat(t.next()).isEqualTo(IDLE);
        assertThat(t.effects()).isEmpty();
        assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.unknownCommand(), BotCopy.NEW_INVOICE));
    }

    private static Guided nudged(Guided state) {
        return switch (state) {
            case CollectingPhone s -> new CollectingPhone(s.draft(), s.editing(), T0, true);
            case CollectingName s -> new CollectingName(s.draft(), s.editing(), T0, true);
            case CollectingAmount s -> new CollectingAmount(s.draft(), s.editing(), T0, true);
            case CollectingDescription s -> new CollectingDescription(s.draft(), s.editing(), T0, true);
            case ChatState.CollectingDueDate s -> new ChatState.CollectingDueDate(s.draft(), s.editing(), T0, true);
            case Confirming s -> new Confirming(s.draft(), T0, true);
            case ChoosingEdit s -> new ChoosingEdit(s.draft(), T0, true);
        };
    }
}
