package ke.invoiceiq.domain.chat;

import static ke.invoiceiq.domain.chat.ChatFixtures.COMPLETE;
import static ke.invoiceiq.domain.chat.ChatFixtures.IDLE;
import static ke.invoiceiq.domain.chat.ChatFixtures.NOW;
import static ke.invoiceiq.domain.chat.ChatFixtures.PHONE;
import static ke.invoiceiq.domain.chat.ChatFixtures.T0;
import static ke.invoiceiq.domain.chat.ChatFixtures.amountStep;
import static ke.invoiceiq.domain.chat.ChatFixtures.descriptionStep;
import static ke.invoiceiq.domain.chat.ChatFixtures.expectedPreview;
import static ke.invoiceiq.domain.chat.ChatFixtures.nameStep;
import static ke.invoiceiq.domain.chat.ChatFixtures.onlyReply;
import static ke.invoiceiq.domain.chat.ChatFixtures.phoneStep;
import static ke.invoiceiq.domain.chat.ChatFixtures.step;
import static ke.invoiceiq.domain.chat.ChatFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import ke.invoiceiq.domain.chat.ChatEffect.CreateAndSendInvoice;
import ke.invoiceiq.domain.chat.ChatEffect.RunCommand;
import ke.invoiceiq.domain.chat.ChatState.CollectingAmount;
import ke.invoiceiq.domain.chat.ChatState.CollectingDescription;
import ke.invoiceiq.domain.chat.ChatState.CollectingName;
import ke.invoiceiq.domain.chat.ChatState.CollectingPhone;
import ke.invoiceiq.domain.chat.ChatState.Confirming;
import ke.invoiceiq.domain.chat.ChatState.Guided;
import ke.invoiceiq.domain.command.Command;
import ke.invoiceiq.domain.command.CommandParser;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.InvoiceId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Text that goes through {@link CommandParser}: commands when idle, and commands typed during the flow. */
class ChatMachineCommandsTest {

    private static final InvoiceId ID = new InvoiceId("INV-7K3Q9X");
    private static final String ONE_LINE = "invoice 0712345678 2500 Cleaning service (Wed 3pm)";
    private static final InvoiceDraft ONE_LINE_DRAFT = InvoiceDraft.EMPTY.withCustomer(new CustomerRef.ByPhone(PHONE))
            .withAmount(Amount.ofShillings(2_500)).withDescription(new Description("Cleaning service (Wed 3pm)"));

    static Stream<Arguments> guidedStates() {
        return ChatFixtures.guidedStates();
    }

    @Nested
    @DisplayName("when idle")
    class WhenIdle {

        @ParameterizedTest
        @ValueSource(strings = {"invoice", "Invoice", "new invoice", "NEW", "  new   invoice "})
        void givenIdle_whenInvoiceOrNewInvoice_thenStartsTheGuidedFlowAtThePhone(String start) {
            Transition t = step(IDLE, text(start));

            assertThat(t.next()).isEqualTo(new CollectingPhone(InvoiceDraft.EMPTY, false, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.askPhone(), BotCopy.CANCEL));
            assertThat(t.effects()).isEmpty();
        }

        @Test
        void givenIdle_whenACompleteOneLineInvoice_thenCreatesAndSendsItWithoutAReply() {
            Transition t = step(IDLE, text(ONE_LINE));

            assertThat(t.next()).isEqualTo(IDLE);
            assertThat(t.replies()).as("the application confirms once the send is accepted").isEmpty();
            assertThat(t.effects()).containsExactly(new CreateAndSendInvoice(ONE_LINE_DRAFT));
            assertThat(ONE_LINE_DRAFT.name()).isEmpty();
        }

        @Test
        void givenIdle_whenAOneLineInvoiceByName_thenTheDraftCarriesTheNameReference() {
            Transition t = step(IDLE, text("invoice Mama Njeri 1,200 Sukuma and eggs"));

            assertThat(t.effects()).containsExactly(new CreateAndSendInvoice(InvoiceDraft.EMPTY
                    .withCustomer(new CustomerRef.ByName("Mama Njeri")).withAmount(Amount.ofShillings(1_200))
                    .withDescription(new Description("Sukuma and eggs"))));
        }

        @ParameterizedTest
        @ValueSource(strings = {"help", "HELP", "?"})
        void givenIdle_whenHelp_thenShowsTheCommandsWithANewInvoiceButton(String help) {
            Transition t = step(IDLE, text(help));

            assertThat(t.next()).isEqualTo(IDLE);
            assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.commandHelp(), BotCopy.NEW_INVOICE));
            assertThat(t.effects()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"hello", "hi there", "what is this", "🙂", "   "})
        void givenIdle_whenUnknownText_thenRepliesUnknownCommandWithANewInvoiceButton(String unknown) {
            Transition t = step(IDLE, text(unknown));

            assertThat(t.next()).isEqualTo(IDLE);
            assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.unknownCommand(), BotCopy.NEW_INVOICE));
            assertThat(t.effects()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"remind", "remind banana", "cancel", "status INV-1", "pay", "invoice 12345 500 x",
                "invoice 0712345678", "invoice 0712345678 abc", "invoice 0712345678 0 Cleaning",
                "invoice 0712345678 2500 ab"})
        void givenIdle_whenAVerbWithABadArgument_thenRepliesTheParsersErrorInAtMostTwoLines(String invalid) {
            Command parsed = CommandParser.parse(invalid);
            assertThat(parsed).isInstanceOf(Command.Invalid.class);
            String message = ((Command.Invalid) parsed).error().message();

            Transition t = step(IDLE, text(invalid));

            assertThat(t.next()).isEqualTo(IDLE);
            assertThat(onlyReply(t).text()).isEqualTo(message);
            assertThat(onlyReply(t).text().lines().count()).isLessThanOrEqualTo(2);
            assertThat(t.effects()).isEmpty();
        }

        @Test
        void givenIdle_whenABadInvoiceLine_thenOffersTheGuidedFlowButton() {
            assertThat(onlyReply(step(IDLE, text("invoice 0712345678 abc"))).buttons())
                    .containsExactly(BotCopy.NEW_INVOICE);
            assertThat(onlyReply(step(IDLE, text("remind banana"))).buttons()).isEmpty();
        }

        @Test
        void givenIdle_whenRemindCancelStatusListOrPay_thenRunsTheCommandWithoutAReply() {
            assertThat(step(IDLE, text("remind INV-7K3Q9X")).effects())
                    .containsExactly(new RunCommand(new Command.Remind(ID)));
            assertThat(step(IDLE, text("cancel inv-7k3q9x")).effects())
                    .containsExactly(new RunCommand(new Command.Cancel(ID)));
            assertThat(step(IDLE, text("status INV-7K3Q9X")).effects())
                    .containsExactly(new RunCommand(new Command.Status(ID)));
            assertThat(step(IDLE, text("list")).effects())
                    .containsExactly(new RunCommand(new Command.ListInvoices()));
            assertThat(step(IDLE, text("pay INV-7K3Q9X")).effects())
                    .as("a merchant testing with their own phone may pay their own invoice; the application decides")
                    .containsExactly(new RunCommand(new Command.Pay(ID)));
            for (String command : new String[] {"remind INV-7K3Q9X", "cancel INV-7K3Q9X", "status INV-7K3Q9X",
                    "list", "pay INV-7K3Q9X"}) {
                Transition t = step(IDLE, text(command));
                assertThat(t.next()).isEqualTo(IDLE);
                assertThat(t.replies()).isEmpty();
            }
        }
    }

    @Nested
    @DisplayName("during the guided flow")
    class DuringTheFlow {

        @ParameterizedTest
        @MethodSource("ke.invoiceiq.domain.chat.ChatMachineCommandsTest#guidedStates")
        void givenAnyGuidedStep_whenACompleteOneLineInvoice_thenItReplacesTheDraftAndShowsThePreview(Guided state) {
            Transition t = step(state, text(ONE_LINE));

            assertThat(t.next()).isEqualTo(new Confirming(ONE_LINE_DRAFT, NOW, false));
            assertThat(t.replies()).containsExactly(
                    Reply.of(BotCopy.draftReplaced()),
                    Reply.of(expectedPreview(ONE_LINE_DRAFT), BotCopy.SEND, BotCopy.EDIT, BotCopy.CANCEL));
            assertThat(t.effects()).as("nothing is sent until the merchant taps Send").isEmpty();
        }

        @Test
        void givenConfirmingADraft_whenAOneLineInvoiceByName_thenThePreviewShowsTheName() {
            Transition t = step(ChatFixtures.confirming(), text("new invoice Otieno 800 Car wash"));

            assertThat(t.replies().get(1).text()).contains("• To: Otieno (—)").contains("• Amount: KES 800");
            assertThat(((Confirming) t.next()).draft().customer()).contains(new CustomerRef.ByName("Otieno"));
        }

        @ParameterizedTest
        @MethodSource("ke.invoiceiq.domain.chat.ChatMachineCommandsTest#guidedStates")
        void givenAnyGuidedStep_whenInvoiceOrNewInvoice_thenRestartsAtThePhoneWithAnEmptyDraft(Guided state) {
            for (String restart : new String[] {"invoice", "new invoice", "New"}) {
                Transition t = step(state, text(restart));

                assertThat(t.next()).as(restart).isEqualTo(new CollectingPhone(InvoiceDraft.EMPTY, false, NOW, false));
                assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.askPhone(), BotCopy.CANCEL));
                assertThat(t.effects()).isEmpty();
            }
        }

        @ParameterizedTest
        @MethodSource("ke.invoiceiq.domain.chat.ChatMachineCommandsTest#guidedStates")
        void givenAnyGuidedStep_whenRemindCancelStatusOrList_thenRunsItAndKeepsTheFlow(Guided state) {
            for (Command command : new Command[] {new Command.Remind(ID), new Command.Cancel(ID),
                    new Command.Status(ID), new Command.ListInvoices()}) {
                String line = switch (command) {
                    case Command.Remind r -> "remind INV-7K3Q9X";
                    case Command.Cancel c -> "cancel inv-7k3q9x";
                    case Command.Status s -> "status INV-7K3Q9X";
                    default -> "list";
                };
                Transition t = step(state, text(line));

                assertThat(t.effects()).as(line).containsExactly(new RunCommand(command));
                assertThat(t.replies()).isEmpty();
                assertThat(t.next().getClass()).isEqualTo(state.getClass());
                assertThat(((Guided) t.next()).draft()).isEqualTo(state.draft());
                assertThat(((Guided) t.next()).lastInputAt()).isEqualTo(NOW);
            }
        }

        @Test
        void givenDescriptionStep_whenTheDescriptionStartsWithAVerb_thenItIsTheDescription() {
            for (String description : new String[] {"New roof tiles", "Invoice for wedding cake", "List of repairs",
                    "Status report writing", "Help desk setup", "Cancel fee for Friday"}) {
                Transition t = step(descriptionStep(), text(description));

                assertThat(t.next()).as(description).isEqualTo(new ChatState.CollectingDueDate(
                        COMPLETE.withDescription(new Description(description)), false, NOW, false));
            }
        }

        @Test
        void givenNameStep_whenTheNameStartsWithAVerb_thenItIsTheName() {
            Transition t = step(nameStep(), text("New Life Salon"));

            assertThat(t.next()).isEqualTo(new CollectingAmount(
                    nameStep().draft().withName(Optional.of(new CustomerName("New Life Salon"))), false, NOW, false));
        }

        @Test
        void givenPhoneStep_whenABadCommandIsTyped_thenTheParsersReasonIsShown() {
            String line = "remind banana";
            String reason = ((Command.Invalid) CommandParser.parse(line)).error().message();

            Transition t = step(phoneStep(), text(line));

            assertThat(t.next()).isEqualTo(new CollectingPhone(InvoiceDraft.EMPTY, false, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(Reply.of(reason, BotCopy.CANCEL));
        }

        @Test
        void givenAmountStep_whenAnIncompleteOneLineInvoice_thenTheParsersReasonIsShownAndTheDraftKept() {
            String line = "invoice 0712345678 2500";
            String reason = ((Command.Invalid) CommandParser.parse(line)).error().message();

            Transition t = step(amountStep(), text(line));

            assertThat(t.next()).isEqualTo(new CollectingAmount(amountStep().draft(), false, NOW, false));
            assertThat(onlyReply(t).text()).isEqualTo(reason);
        }

        @Test
        void givenConfirming_whenABadCommandIsTyped_thenTheParsersReasonIsShownWithTheConfirmButtons() {
            String line = "cancel INV-12";
            String reason = ((Command.Invalid) CommandParser.parse(line)).error().message();

            Transition t = step(ChatFixtures.confirming(), text(line));

            assertThat(t.next()).isEqualTo(new Confirming(COMPLETE, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(Reply.of(reason, BotCopy.SEND, BotCopy.EDIT, BotCopy.CANCEL));
        }

        @Test
        void givenAmountStep_whenPayIsTyped_thenItIsJustABadAmount() {
            Transition t = step(amountStep(), text("pay INV-7K3Q9X"));

            assertThat(t.effects()).isEmpty();
            assertThat(onlyReply(t).text()).isEqualTo(Amount.EXPECTED);
        }

        @Test
        void givenAReplacedDraft_whenSent_thenTheOneLineDraftIsCreated() {
            Transition replaced = step(new CollectingDescription(COMPLETE, false, T0, false), text(ONE_LINE));
            Transition sent = step(replaced.next(), text("send"));

            assertThat(sent.effects()).containsExactly(new CreateAndSendInvoice(ONE_LINE_DRAFT));
            assertThat(sent.next()).isEqualTo(IDLE);
        }

        @Test
        void givenCollectingName_whenSkipIsTyped_thenItIsNotTakenForACommand() {
            assertThat(step(nameStep(), text("skip")).next()).isInstanceOf(CollectingAmount.class);
            assertThat(step(nameStep(), text("cancel")).next()).isEqualTo(IDLE);
            assertThat(step(nameStep(), text("Cancel please")).next())
                    .as("only the bare word cancels; this is a (strange) name")
                    .isInstanceOf(CollectingAmount.class);
        }

        @Test
        void givenPhoneStep_whenAOneLineInvoiceWithAnotherCustomerIsTyped_thenTheNewDraftHasNoLeftoverName() {
            CollectingName withName = new CollectingName(nameStep().draft(), false, T0, false);
            Transition t = step(withName, text("invoice 0110000001 900 Delivery"));

            assertThat(((Confirming) t.next()).draft().name()).isEmpty();
        }
    }
}
