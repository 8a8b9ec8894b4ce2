package ke.invoiceiq.domain.chat;

import static ke.invoiceiq.domain.chat.ChatFixtures.COMPLETE;
import static ke.invoiceiq.domain.chat.ChatFixtures.IDLE;
import static ke.invoiceiq.domain.chat.ChatFixtures.T0;
import static ke.invoiceiq.domain.chat.ChatFixtures.assertRepliesKeepTheRules;
import static ke.invoiceiq.domain.chat.ChatFixtures.sentDrafts;
import static ke.invoiceiq.domain.chat.ChatFixtures.tap;
import static ke.invoiceiq.domain.chat.ChatFixtures.text;
import static ke.invoiceiq.domain.chat.ChatFixtures.tick;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import ke.invoiceiq.domain.chat.ChatState.Guided;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.InvoiceId;
import org.junit.jupiter.api.Test;

/** Whole conversations: the happy path end to end, and random walks that must never break the reply rules. */
class ChatMachineWalkTest {

    /** Feeds inputs a minute apart, collecting every transition. */
    private static final class Conversation {
        private ChatState state = IDLE;
        private Instant now = T0;
        private final List<Transition> transitions = new ArrayList<>();

        Transition say(ChatInput input) {
            now = now.plus(Duration.ofMinutes(1));
            Transition t = ChatMachine.step(state, input, now);
            transitions.add(t);
            state = t.next();
            return t;
        }

        List<InvoiceDraft> sent() {
            return transitions.stream().flatMap(t -> sentDrafts(t).stream()).toList();
        }
    }

    @Test
    void givenAMerchant_whenTheyWalkFromInvoiceToSend_thenExactlyOneInvoiceIsCreatedWithTheirAnswers() {
        Conversation chat = new Conversation();

        chat.say(text("invoice"));
        chat.say(text("0712 345 678"));
        chat.say(text("Mama Njeri"));
        chat.say(text("KES 2,500"));
        chat.say(text("Cleaning service (Wed 3pm)"));
        assertThat(chat.state).isInstanceOf(ChatState.CollectingDueDate.class);
        chat.say(tap(BotCopy.SKIP));
        assertThat(chat.state).isInstanceOf(ChatState.Confirming.class);
        assertThat(chat.sent()).as("nothing is sent before Send").isEmpty();
        Transition send = chat.say(tap(BotCopy.SEND));

        assertThat(chat.sent()).containsExactly(COMPLETE);
        assertThat(send.replies()).isEmpty();
        assertThat(chat.state).isEqualTo(IDLE);
        chat.transitions.forEach(ChatFixtures::assertRepliesKeepTheRules);
    }

    @Test
    void givenAMerchantWhoMakesMistakesAndEdits_whenTheyFinallySend_thenOneInvoiceWithTheCorrectedValues() {
        Conversation chat = new Conversation();

        chat.say(tap(BotCopy.NEW_INVOICE));
        chat.say(text("0812345678"));
        chat.say(text("help"));
        chat.say(text("+254 712 345 678"));
        chat.say(text("x"));
        chat.say(tap(BotCopy.SKIP));
        chat.say(text("2500.50"));
        chat.say(text("1000"));
        chat.say(text("ab"));
        chat.say(text("Logo design first milestone"));
        chat.say(text("skip"));
        chat.say(text("maybe"));
        chat.say(tap(BotCopy.EDIT));
        chat.say(tap(BotCopy.EDIT_CUSTOMER));
        chat.say(text("0110000001"));
        chat.say(text("Otieno"));
        chat.say(text("edit"));
        chat.say(text("amount"));
        chat.say(text("1,500"));
        chat.say(text("yes"));

        assertThat(chat.sent()).containsExactly(InvoiceDraft.EMPTY
                .withCustomer(new CustomerRef.ByPhone(ChatFixtures.OTHER_PHONE))
                .withName(Optional.of(new CustomerName("Otieno")))
                .withAmount(Amount.ofShillings(1_500))
                .withDescription(new Description("Logo design first milestone")));
        assertThat(chat.state).isEqualTo(IDLE);
    }

    @Test
    void givenAnyGuidedStepAndAnyInput_whenStepped_thenEveryReplyKeepsTheRules() {
        List<ChatState> states = new ArrayList<>(ChatFixtures.everyGuidedState());
        states.add(IDLE);
        for (ChatState state : states) {
            for (ChatInput input : inputs()) {
                for (Duration later : List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15))) {
                    Transition t = ChatMachine.step(state, input, T0.plus(later));
                    assertRepliesKeepTheRules(t);
                    if (!t.effects().isEmpty() || t.next() instanceof ChatState.Idle) {
                        continue;
                    }
                    assertThat(((Guided) t.next()).draft()).isNotNull();
                }
            }
        }
    }

    @Test
    void givenRandomConversations_whenPlayed_thenRepliesKeepTheRulesAndOnlyConfirmedDraftsAreSent() {
        List<ChatInput> inputs = inputs();
        Random random = new Random(20_260_302L);
        for (int conversation = 0; conversation < 200; conversation++) {
            ChatState state = IDLE;
            Instant now = T0;
            for (int turn = 0; turn < 60; turn++) {
                ChatInput input = inputs.get(random.nextInt(inputs.size()));
                now = now.plus(Duration.ofSeconds(random.nextInt(input instanceof ChatInput.Tick ? 600 : 120)));
                Transition t = ChatMachine.step(state, input, now);

                assertRepliesKeepTheRules(t);
                List<InvoiceDraft> sent = sentDrafts(t);
                assertThat(sent).hasSizeLessThanOrEqualTo(1);
                if (!sent.isEmpty()) {
                    boolean confirmed = state instanceof ChatState.Confirming c && sent.getFirst().equals(c.draft());
                    boolean oneLine = state instanceof ChatState.Idle && input instanceof ChatInput.Text;
                    assertThat(confirmed || oneLine).as("sent from %s on %s", state, input).isTrue();
                    assertThat(t.next()).isEqualTo(IDLE);
                }
                if (t.next() instanceof Guided guided && !(input instanceof ChatInput.Tick)) {
                    assertThat(guided.lastInputAt()).isEqualTo(now);
                    assertThat(guided.nudged()).isFalse();
                }
                state = t.next();
            }
        }
    }

    /** Everything a merchant might plausibly send, valid and not, plus the clock. */
    private static List<ChatInput> inputs() {
        InvoiceId id = new InvoiceId("INV-7K3Q9X");
        List<ChatInput> inputs = new ArrayList<>();
        for (String s : List.of("invoice", "new invoice", "new", "help", "?", "cancel", "list", "hello", "send", "yes",
                "edit", "amount", "description", "customer", "skip", "-", "0712345678", "+254 110 000 001", "12345",
                "Mama Njeri", "A", "2500", "2,500", "0", "12.50", "300000", "Cleaning service (Wed 3pm)", "ab",
                "invoice 0712345678 2500 Cleaning", "invoice Mama Njeri 1,200 Sukuma and eggs",
                "invoice 0712345678 abc", "remind INV-7K3Q9X", "cancel INV-7K3Q9X", "status INV-7K3Q9X",
                "pay INV-7K3Q9X", "remind banana", "", "🙂🙂🙂", "x".repeat(130))) {
            inputs.add(text(s));
        }
        for (String b : List.of(BotCopy.CANCEL.id(), BotCopy.SKIP.id(), BotCopy.SEND.id(), BotCopy.EDIT.id(),
                BotCopy.EDIT_AMOUNT.id(), BotCopy.EDIT_DESCRIPTION.id(), BotCopy.EDIT_CUSTOMER.id(),
                BotCopy.NEW_INVOICE.id(), BotCopy.remindButton(id).id(), BotCopy.cancelInvoiceButton(id).id(),
                BotCopy.payButton(id).id(), BotCopy.viewButton(id).id(), "mystery", "remind_banana")) {
            inputs.add(tap(b));
        }
        for (int i = 0; i < 8; i++) {
            inputs.add(tick());
        }
        return inputs;
    }
}
