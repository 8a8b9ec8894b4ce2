package ke.invoiceiq.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import ke.invoiceiq.domain.chat.ChatEffect.CreateAndSendInvoice;
import ke.invoiceiq.domain.chat.ChatState.ChoosingEdit;
import ke.invoiceiq.domain.chat.ChatState.CollectingAmount;
import ke.invoiceiq.domain.chat.ChatState.CollectingDescription;
import ke.invoiceiq.domain.chat.ChatState.CollectingName;
import ke.invoiceiq.domain.chat.ChatState.CollectingPhone;
import ke.invoiceiq.domain.chat.ChatState.Confirming;
import ke.invoiceiq.domain.chat.ChatState.Guided;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.messaging.Button;
import org.junit.jupiter.params.provider.Arguments;

/** Shared states, inputs and checks for the chat machine tests. */
final class ChatFixtures {

    /** When every fixture state last heard from the merchant. */
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    /** "Now" for an ordinary step: a minute later, well inside the nudge timeout. */
    static final Instant NOW = T0.plus(Duration.ofMinutes(1));

    static final Msisdn PHONE = new Msisdn("254712345678");
    static final Msisdn OTHER_PHONE = new Msisdn("254110000001");
    static final CustomerName NAME = new CustomerName("Mama Njeri");
    static final Amount AMOUNT = Amount.ofShillings(2_500);
    static final Description DESCRIPTION = new Description("Cleaning service (Wed 3pm)");

    /** What the guided flow builds from PHONE, NAME, AMOUNT and DESCRIPTION. */
    static final InvoiceDraft COMPLETE = InvoiceDraft.EMPTY.withCustomer(new CustomerRef.ByPhone(PHONE))
            .withName(Optional.of(NAME)).withAmount(AMOUNT).withDescription(DESCRIPTION);

    static final ChatState.Idle IDLE = new ChatState.Idle();

    private ChatFixtures() {
    }

    static CollectingPhone phoneStep() {
        return new CollectingPhone(InvoiceDraft.EMPTY, false, T0, false);
    }

    static CollectingName nameStep() {
        return new CollectingName(InvoiceDraft.EMPTY.withCustomer(new CustomerRef.ByPhone(PHONE)), false, T0, false);
    }

    static CollectingAmount amountStep() {
        return new CollectingAmount(nameStep().draft().withName(Optional.of(NAME)), false, T0, false);
    }

    static CollectingDescription descriptionStep() {
        return new CollectingDescription(amountStep().draft().withAmount(AMOUNT), false, T0, false);
    }

    static ChatState.CollectingDueDate dueDateStep() {
        return new ChatState.CollectingDueDate(COMPLETE, false, T0, false);
    }

    static Confirming confirming() {
        return new Confirming(COMPLETE, T0, false);
    }

    static ChoosingEdit choosingEdit() {
        return new ChoosingEdit(COMPLETE, T0, false);
    }

    /** Every guided step, including the edit variants, as last touched at T0 and not yet nudged. */
    static List<Guided> everyGuidedState() {
        return List.of(phoneStep(), nameStep(), amountStep(), descriptionStep(), confirming(), choosingEdit(),
                new CollectingPhone(COMPLETE, true, T0, false), new CollectingName(COMPLETE, true, T0, false),
                new CollectingAmount(COMPLETE, true, T0, false),
                new CollectingDescription(COMPLETE, true, T0, false), dueDateStep());
    }

    static Stream<Arguments> guidedStates() {
        return everyGuidedState().stream().map(s -> Arguments.argumentSet(s.getClass().getSimpleName()
                + (editing(s) ? " (editing)" : ""), s));
    }

    static boolean editing(Guided state) {
        return switch (state) {
            case CollectingPhone s -> s.editing();
            case CollectingName s -> s.editing();
            case CollectingAmount s -> s.editing();
            case CollectingDescription s -> s.editing();
            case ChatState.CollectingDueDate s -> s.editing();
            case Confirming s -> false;
            case ChoosingEdit s -> false;
        };
    }

    static ChatInput text(String text) {
        return new ChatInput.Text(text);
    }

    static ChatInput tap(Button button) {
        return new ChatInput.ButtonTap(button.id());
    }

    static ChatInput tap(String buttonId) {
        return new ChatInput.ButtonTap(buttonId);
    }

    static ChatInput tick() {
        return new ChatInput.Tick();
    }

    static Transition step(ChatState state, ChatInput input) {
        return ChatMachine.step(state, input, NOW);
    }

    /** The single reply of a transition. */
    static Reply onlyReply(Transition transition) {
        assertThat(transition.replies()).hasSize(1);
        return transition.replies().getFirst();
    }

    static String expectedPreview(InvoiceDraft draft) {
        String to = switch (draft.customer().orElseThrow()) {
            case CustomerRef.ByPhone p -> p.msisdn().value();
            case CustomerRef.ByName n -> n.name();
        };
        return BotCopy.preview(to, draft.name(), draft.amount().orElseThrow(),
                draft.description().orElseThrow().value());
    }

    static List<InvoiceDraft> sentDrafts(Transition transition) {
        return transition.effects().stream()
                .filter(CreateAndSendInvoice.class::isInstance)
                .map(e -> ((CreateAndSendInvoice) e).draft())
                .toList();
    }

    /** The WhatsApp and copy rules every reply must keep, wherever it comes from. */
    static void assertRepliesKeepTheRules(Transition transition) {
        for (Reply reply : transition.replies()) {
            assertThat(reply.buttons()).as("buttons of %s", reply.text()).hasSizeLessThanOrEqualTo(3);
            for (Button button : reply.buttons()) {
                assertThat(button.title().codePointCount(0, button.title().length()))
                        .as("title of %s", button.id()).isLessThanOrEqualTo(20);
            }
            assertThat(reply.buttons()).extracting(Button::id).doesNotHaveDuplicates();
            if (!reply.text().startsWith("Review invoice:") && !reply.text().startsWith("Kagua ankara:")) {
                assertThat(reply.text().lines().count()).as("lines of %s", reply.text()).isLessThanOrEqualTo(2);
            }
        }
        for (InvoiceDraft draft : sentDrafts(transition)) {
            assertThat(draft.isComplete()).isTrue();
        }
    }
}
