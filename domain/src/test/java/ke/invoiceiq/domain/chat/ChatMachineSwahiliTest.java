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
import ke.invoiceiq.domain.chat.ChatMachine.ChatTimeouts;
import ke.invoiceiq.domain.command.Command;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.copy.DuePhrases;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.messaging.Button;
import org.junit.jupiter.api.Test;

/** A merchant whose language is Swahili: the same conversation, every reply in Swahili, the same button ids. */
class ChatMachineSwahiliTest {

    private static final class Conversation {
        private ChatState state = IDLE;
        private Instant now = T0;
        private final List<Transition> transitions = new ArrayList<>();

        Transition say(ChatInput input) {
            now = now.plus(Duration.ofMinutes(1));
            Transition t = ChatMachine.step(state, input, now, ChatTimeouts.DEFAULT, Language.SW);
            transitions.add(t);
            state = t.next();
            return t;
        }

        List<InvoiceDraft> sent() {
            return transitions.stream().flatMap(t -> sentDrafts(t).stream()).toList();
        }
    }

    @Test
    void givenASwahiliMerchant_whenTheyWalkTheGuidedFlowInSwahili_thenEveryQuestionIsInSwahiliAndTheInvoiceIsSent() {
        Conversation chat = new Conversation();

        Transition start = chat.say(text("ankara mpya"));
        assertThat(start.replies().getFirst().text()).isEqualTo(BotCopy.askPhone(Language.SW))
                .startsWith("Namba ya simu ya mteja");
        assertThat(start.replies().getFirst().buttons()).containsExactly(new Button("cancel", "Ghairi"));

        Transition name = chat.say(text("0712 345 678"));
        assertThat(name.replies().getFirst().text()).isEqualTo(BotCopy.askName(Language.SW));
        assertThat(name.replies().getFirst().buttons()).extracting(Button::id).containsExactly("skip", "cancel");
        assertThat(name.replies().getFirst().buttons()).extracting(Button::title).containsExactly("Ruka", "Ghairi");

        chat.say(text("msaada"));
        assertThat(chat.transitions.getLast().replies().getFirst().text()).isEqualTo(BotCopy.flowHelp(Language.SW));

        Transition amount = chat.say(text("Mama Njeri"));
        assertThat(amount.replies().getFirst().text()).isEqualTo("Kiasi kwa KES? (Namba kamili, mf. 2500)");
        chat.say(text("KES 2,500"));
        Transition due = chat.say(text("Cleaning service (Wed 3pm)"));
        assertThat(due.replies().getFirst().text()).isEqualTo(DuePhrases.ASK_DUE_DATE.text(Language.SW));
        assertThat(due.replies().getFirst().buttons()).extracting(Button::title).containsExactly("Ruka", "Ghairi");
        Transition preview = chat.say(text("ruka"));

        Reply review = preview.replies().getFirst();
        assertThat(review.text()).startsWith("Kagua ankara:").contains("254712345678 (Mama Njeri)")
                .contains("Kiasi: KES 2,500").contains("Bidhaa: Cleaning service (Wed 3pm)")
                .endsWith("Tuma kwa mteja sasa?");
        assertThat(review.buttons()).extracting(Button::id).containsExactly("send", "edit", "cancel");
        assertThat(review.buttons()).extracting(Button::title).containsExactly("Tuma", "Badilisha", "Ghairi");

        Transition send = chat.say(text("tuma"));

        assertThat(chat.sent()).containsExactly(COMPLETE);
        assertThat(send.replies()).isEmpty();
        chat.transitions.forEach(ChatFixtures::assertRepliesKeepTheRules);
    }

    @Test
    void givenASwahiliMerchant_whenTheySkipTheNameAndEditInSwahili_thenTheWordsActAsTheButtons() {
        Conversation chat = new Conversation();
        chat.say(text("ankara"));
        chat.say(text("0712345678"));
        chat.say(text("ruka"));
        chat.say(text("2500"));
        chat.say(text("Usafi wa nyumba"));
        chat.say(text("ruka"));
        Transition edit = chat.say(text("badilisha"));
        assertThat(edit.replies().getFirst().text()).isEqualTo("Ungependa kubadilisha nini?");
        assertThat(edit.replies().getFirst().buttons()).extracting(Button::title)
                .containsExactly("Kiasi", "Maelezo", "Mteja");

        chat.say(text("kiasi"));
        chat.say(text("3000"));
        chat.say(text("ndiyo"));

        InvoiceDraft sent = chat.sent().getFirst();
        assertThat(sent.name()).isEmpty();
        assertThat(sent.amount()).contains(Amount.ofShillings(3_000));
        assertThat(sent.description()).contains(new Description("Usafi wa nyumba"));
    }

    @Test
    void givenASwahiliMerchant_whenTheyCancelTheFlowInSwahili_thenTheyAreToldInSwahili() {
        Conversation chat = new Conversation();
        chat.say(text("ankara"));

        Transition cancelled = chat.say(text("ghairi"));

        assertThat(cancelled.next()).isEqualTo(IDLE);
        assertThat(cancelled.replies().getFirst().text()).isEqualTo("Sawa, imeghairiwa. Hakuna ankara iliyoundwa.");
    }

    @Test
    void givenASwahiliMerchant_whenTheyGoQuiet_thenTheNudgeAndTheCloseAreInSwahili() {
        ChatState phone = new ChatState.CollectingPhone(InvoiceDraft.EMPTY, false, T0, false);

        Transition nudge = ChatMachine.step(phone, tick(), T0.plus(Duration.ofMinutes(5)), ChatTimeouts.DEFAULT,
                Language.SW);
        Transition close = ChatMachine.step(nudge.next(), tick(), T0.plus(Duration.ofMinutes(15)),
                ChatTimeouts.DEFAULT, Language.SW);

        assertThat(nudge.replies().getFirst().text()).isEqualTo(BotCopy.stillThere(Language.SW));
        assertThat(close.replies().getFirst().text()).isEqualTo(BotCopy.sessionClosed(Language.SW));
        assertThat(close.replies().getFirst().buttons())
                .containsExactly(new Button("new_invoice", "Ankara mpya"));
    }

    @Test
    void givenAOneLineInvoiceWithALanguageTag_whenStepped_thenTheDraftCarriesTheLanguage() {
        Transition t = ChatMachine.step(IDLE, text("ankara 0712345678 2500 Usafi sw"), T0, ChatTimeouts.DEFAULT,
                Language.EN);

        InvoiceDraft draft = sentDrafts(t).getFirst();
        assertThat(draft.customer()).contains(new CustomerRef.ByPhone(new Msisdn("254712345678")));
        assertThat(draft.description()).contains(new Description("Usafi"));
        assertThat(draft.language()).contains(Language.SW);
    }

    @Test
    void givenATaggedOneLineInvoiceDuringTheFlow_whenItReplacesTheDraft_thenThePreviewKeepsTheLanguage() {
        Conversation chat = new Conversation();
        chat.say(text("ankara"));

        Transition replaced = chat.say(text("ankara 0712345678 2500 Usafi sw"));

        assertThat(replaced.next()).isInstanceOfSatisfying(ChatState.Confirming.class,
                c -> assertThat(c.draft().language()).contains(Language.SW));
        assertThat(replaced.replies().getFirst().text()).startsWith("Rasimu yako");
    }

    @Test
    void givenALanguageCommand_whenIdleOrInTheFlow_thenItRunsAsAnEffectAndTheFlowStays() {
        Command.SetLanguage expected = new Command.SetLanguage(new Msisdn("254712345678"), Language.SW);

        Transition idle = ChatMachine.step(IDLE, text("lugha 0712345678 sw"), T0);
        Conversation chat = new Conversation();
        chat.say(text("ankara"));
        Transition inFlow = chat.say(text("lang 0712345678 sw"));

        assertThat(idle.effects()).containsExactly(new ChatEffect.RunCommand(expected));
        assertThat(inFlow.effects()).containsExactly(new ChatEffect.RunCommand(expected));
        assertThat(inFlow.next()).isInstanceOf(ChatState.CollectingPhone.class);
    }

    @Test
    void givenAnEnglishMerchant_whenTheyTypeSwahiliWords_thenTheyAreUnderstoodAndAnsweredInEnglish() {
        Transition help = ChatMachine.step(IDLE, text("msaada"), T0);

        assertThat(help.replies().getFirst().text()).isEqualTo(BotCopy.commandHelp());
        assertThat(help.replies().getFirst().buttons()).containsExactly(BotCopy.NEW_INVOICE);
        assertThat(Optional.of(help.next())).contains(IDLE);
    }

    @Test
    void givenTheRandomInputsOfAnEnglishWalk_whenAnsweredInSwahili_thenEveryReplyKeepsTheRules() {
        Conversation chat = new Conversation();
        for (String line : List.of("ankara", "0812345678", "+254 712 345 678", "x", "ruka", "2500.50", "1000", "ab",
                "Usafi", "badilisha", "mteja", "0711111111", "hali INV-7K3Q9X", "orodha", "kumbusha", "tuma")) {
            chat.say(text(line));
        }
        chat.say(tap(BotCopy.CANCEL));
        chat.transitions.forEach(ChatFixtures::assertRepliesKeepTheRules);
    }

    @Test
    void givenASwahiliMerchant_whenAnAnswerIsRefused_thenTheReasonIsInSwahiliAndTheStepStays() {
        Conversation chat = new Conversation();
        chat.say(text("ankara"));

        Transition badPhone = chat.say(text("12345"));
        chat.say(text("0712345678"));
        chat.say(text("ruka"));
        Transition badAmount = chat.say(text("12.50"));
        chat.say(text("2500"));
        Transition badDescription = chat.say(text("ab"));

        assertThat(badPhone.replies().getFirst().text())
                .isEqualTo("Namba ya simu si sahihi. Tumia 07XXXXXXXX, 01XXXXXXXX au +254XXXXXXXXX.");
        assertThat(badPhone.next()).isInstanceOf(ChatState.CollectingPhone.class);
        assertThat(badAmount.replies().getFirst().text())
                .isEqualTo("Kiasi si sahihi. Tumia namba kamili ya KES (mf. 2500).");
        assertThat(badDescription.replies().getFirst().text()).isEqualTo("Maelezo yawe na herufi 3–120, tafadhali.");
        chat.transitions.forEach(ChatFixtures::assertRepliesKeepTheRules);
    }

    @Test
    void givenASwahiliMerchant_whenAOneLineInvoiceIsRefused_thenTheReasonAndAnExampleAreInSwahili() {
        Transition t = ChatMachine.step(IDLE, text("ankara 0712345678 0 Usafi"), T0, ChatTimeouts.DEFAULT,
                Language.SW);

        assertThat(t.replies().getFirst().text()).isEqualTo("Kiasi si sahihi. Tumia namba kamili ya KES (mf. 2500)."
                + "\nMfano: ankara 0712345678 2500 Usafi");
        assertThat(t.replies().getFirst().buttons()).containsExactly(BotCopy.newInvoice(Language.SW));
    }

    @Test
    void givenAnEnglishMerchant_whenAnAnswerIsRefused_thenTheParsersOwnMessageIsKept() {
        Transition t = ChatMachine.step(IDLE, text("invoice 0712345678 0 Cleaning"), T0);

        assertThat(t.replies().getFirst().text()).isEqualTo(
                ((Command.Invalid) ke.invoiceiq.domain.command.CommandParser.parse("invoice 0712345678 0 Cleaning"))
                        .error().message());
    }
}
