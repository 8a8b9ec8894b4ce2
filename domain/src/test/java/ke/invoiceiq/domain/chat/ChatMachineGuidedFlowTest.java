package ke.invoiceiq.domain.chat;

import static ke.invoiceiq.domain.chat.ChatFixtures.AMOUNT;
import static ke.invoiceiq.domain.chat.ChatFixtures.COMPLETE;
import static ke.invoiceiq.domain.chat.ChatFixtures.DESCRIPTION;
import static ke.invoiceiq.domain.chat.ChatFixtures.IDLE;
import static ke.invoiceiq.domain.chat.ChatFixtures.NAME;
import static ke.invoiceiq.domain.chat.ChatFixtures.NOW;
import static ke.invoiceiq.domain.chat.ChatFixtures.OTHER_PHONE;
import static ke.invoiceiq.domain.chat.ChatFixtures.PHONE;
import static ke.invoiceiq.domain.chat.ChatFixtures.T0;
import static ke.invoiceiq.domain.chat.ChatFixtures.amountStep;
import static ke.invoiceiq.domain.chat.ChatFixtures.choosingEdit;
import static ke.invoiceiq.domain.chat.ChatFixtures.confirming;
import static ke.invoiceiq.domain.chat.ChatFixtures.descriptionStep;
import static ke.invoiceiq.domain.chat.ChatFixtures.expectedPreview;
import static ke.invoiceiq.domain.chat.ChatFixtures.nameStep;
import static ke.invoiceiq.domain.chat.ChatFixtures.onlyReply;
import static ke.invoiceiq.domain.chat.ChatFixtures.phoneStep;
import static ke.invoiceiq.domain.chat.ChatFixtures.sentDrafts;
import static ke.invoiceiq.domain.chat.ChatFixtures.step;
import static ke.invoiceiq.domain.chat.ChatFixtures.tap;
import static ke.invoiceiq.domain.chat.ChatFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import ke.invoiceiq.domain.chat.ChatEffect.CreateAndSendInvoice;
import ke.invoiceiq.domain.chat.ChatState.ChoosingEdit;
import ke.invoiceiq.domain.chat.ChatState.CollectingAmount;
import ke.invoiceiq.domain.chat.ChatState.CollectingDescription;
import ke.invoiceiq.domain.chat.ChatState.CollectingName;
import ke.invoiceiq.domain.chat.ChatState.CollectingPhone;
import ke.invoiceiq.domain.chat.ChatState.Confirming;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.shared.Parsed;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The guided flow step by step: each answer, each rejection, Skip, Confirm and the edits. None needs the parser. */
class ChatMachineGuidedFlowTest {

    @Test
    void givenIdle_whenNewInvoiceButtonTapped_thenAsksForThePhoneWithACancelButton() {
        Transition t = step(IDLE, tap(BotCopy.NEW_INVOICE));

        assertThat(t.next()).isEqualTo(new CollectingPhone(InvoiceDraft.EMPTY, false, NOW, false));
        assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.askPhone(), BotCopy.CANCEL));
        assertThat(t.effects()).isEmpty();
    }

    @Nested
    @DisplayName("phone step")
    class PhoneStep {

        @ParameterizedTest
        @ValueSource(strings = {"254712345678", "0712345678", "712345678", "+254712345678", "+254 712 345 678",
                "0712-345-678", " 0712 345678 "})
        void givenPhoneStep_whenAnyAcceptedPhoneForm_thenStoresTheCanonicalNumberAndAsksForTheName(String phone) {
            Transition t = step(phoneStep(), text(phone));

            assertThat(t.next()).isEqualTo(new CollectingName(
                    InvoiceDraft.EMPTY.withCustomer(new CustomerRef.ByPhone(PHONE)), false, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.askName(), BotCopy.SKIP, BotCopy.CANCEL));
            assertThat(t.effects()).isEmpty();
        }

        @Test
        void givenPhoneStep_whenA01Number_thenAcceptsIt() {
            Transition t = step(phoneStep(), text("0110000001"));

            assertThat(((CollectingName) t.next()).draft().customer()).contains(new CustomerRef.ByPhone(OTHER_PHONE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"12345", "John", "0812345678", "07123456789", "2547123456", "+44 7911 123456",
                "-", "0712345abc"})
        void givenPhoneStep_whenInvalidPhone_thenSaysWhyAndStays(String invalid) {
            Transition t = step(phoneStep(), text(invalid));

            String expected = ((Parsed.Rejected<Msisdn>) Msisdn.parse(invalid)).error().message();
            assertThat(t.next()).isEqualTo(new CollectingPhone(InvoiceDraft.EMPTY, false, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(Reply.of(expected, BotCopy.CANCEL));
            assertThat(t.effects()).isEmpty();
        }

        @Test
        void givenPhoneStep_whenGarbage_thenUsesTheSpecsPhoneError() {
            assertThat(onlyReply(step(phoneStep(), text("12345"))).text())
                    .isEqualTo("Invalid phone. Please use format 07XXXXXXXX, 01XXXXXXXX, 2547XXXXXXXX, 2541XXXXXXXX"
                            + " or +254XXXXXXXXX.");
        }
    }

    @Nested
    @DisplayName("name step")
    class NameStep {

        @Test
        void givenNameStep_whenAName_thenStoresItAndAsksForTheAmount() {
            Transition t = step(nameStep(), text("  Mama   Njeri "));

            assertThat(t.next()).isEqualTo(
                    new CollectingAmount(nameStep().draft().withName(Optional.of(NAME)), false, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.askAmount(), BotCopy.CANCEL));
        }

        @ParameterizedTest
        @ValueSource(strings = {"-", "skip", "SKIP", " Skip "})
        void givenNameStep_whenDashOrSkipText_thenContinuesWithoutAName(String skip) {
            Transition t = step(nameStep(), text(skip));

            assertThat(t.next()).isEqualTo(new CollectingAmount(nameStep().draft(), false, NOW, false));
            assertThat(((CollectingAmount) t.next()).draft().name()).isEmpty();
            assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.askAmount(), BotCopy.CANCEL));
        }

        @Test
        void givenNameStep_whenSkipButtonTapped_thenContinuesWithoutAName() {
            Transition t = step(nameStep(), tap(BotCopy.SKIP));

            assertThat(t.next()).isEqualTo(new CollectingAmount(nameStep().draft(), false, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.askAmount(), BotCopy.CANCEL));
        }

        @ParameterizedTest
        @ValueSource(strings = {"A", " B ", "Abcdefghij Abcdefghij Abcdefghij Abcdefghij Abcdefghij Abcdefghij"})
        void givenNameStep_whenTooShortOrTooLong_thenSaysWhyAndStays(String invalid) {
            Transition t = step(nameStep(), text(invalid));

            assertThat(t.next()).isEqualTo(new CollectingName(nameStep().draft(), false, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(Reply.of(CustomerName.EXPECTED, BotCopy.SKIP, BotCopy.CANCEL));
        }

        @Test
        void givenNameStep_whenItHasADirectionOverride_thenSaysWhyAndStays() {
            Transition t = step(nameStep(), text("Mama \u202ENjeri"));

            assertThat(t.next()).isEqualTo(new CollectingName(nameStep().draft(), false, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(Reply.of(CustomerName.HIDDEN_FORMATTING, BotCopy.SKIP, BotCopy.CANCEL));
        }
    }

    @Nested
    @DisplayName("amount step")
    class AmountStep {

        @ParameterizedTest
        @ValueSource(strings = {"2500", "2,500", "KES 2500", "ksh2500", "2500.00"})
        void givenAmountStep_whenAValidAmount_thenStoresItAndAsksForTheDescription(String amount) {
            Transition t = step(amountStep(), text(amount));

            assertThat(t.next()).isEqualTo(
                    new CollectingDescription(amountStep().draft().withAmount(AMOUNT), false, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.askDescription(), BotCopy.CANCEL));
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "two thousand", "0", "-5", "12.50", "300000", "", "2500 for cleaning"})
        void givenAmountStep_whenInvalidAmount_thenGivesAmountParsesReasonAndStays(String invalid) {
            Transition t = step(amountStep(), text(invalid));

            String expected = ((Parsed.Rejected<Amount>) Amount.parse(invalid)).error().message();
            assertThat(t.next()).isEqualTo(new CollectingAmount(amountStep().draft(), false, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(Reply.of(expected, BotCopy.CANCEL));
            assertThat(expected).startsWith("Invalid amount.");
        }

        @Test
        void givenAmountStep_whenWords_thenUsesTheSpecsAmountError() {
            assertThat(onlyReply(step(amountStep(), text("abc"))).text())
                    .isEqualTo("Invalid amount. Enter a whole number in KES (e.g., 2500).");
        }
    }

    @Nested
    @DisplayName("description step")
    class DescriptionStep {

        @Test
        void givenDescriptionStep_whenAValidDescriptionAndNoDueDate_thenShowsThePreviewWithSendEditCancel() {
            Transition due = step(descriptionStep(), text("Cleaning service (Wed 3pm)"));
            assertThat(due.next()).isInstanceOf(ChatState.CollectingDueDate.class);
            Transition t = step(due.next(), tap(BotCopy.SKIP));

            assertThat(t.next()).isEqualTo(new Confirming(COMPLETE, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(
                    Reply.of(expectedPreview(COMPLETE), BotCopy.SEND, BotCopy.EDIT, BotCopy.CANCEL));
            assertThat(onlyReply(t).text()).isEqualTo("""
                    Review invoice:
                    • To: 254712345678 (Mama Njeri)
                    • Amount: KES 2,500
                    • Item: Cleaning service (Wed 3pm)

                    Send to customer now?""");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ab", "  a  ", "",
                "An extremely long description that goes on and on about the cleaning service we did on Wednesday at 3pm"
                        + " for the whole building"})
        void givenDescriptionStep_whenTooShortOrTooLong_thenSaysWhyAndStays(String invalid) {
            Transition t = step(descriptionStep(), text(invalid));

            String expected = ((Parsed.Rejected<Description>) Description.parse(invalid)).error().message();
            assertThat(t.next()).isEqualTo(new CollectingDescription(descriptionStep().draft(), false, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(Reply.of(expected, BotCopy.CANCEL));
            assertThat(expected).endsWith("Please enter 3–120 characters.");
        }

        @Test
        void givenDescriptionStep_whenADirectionOverrideTurnsAnAmountAround_thenSaysWhyAndStays() {
            Transition t = step(descriptionStep(), text("Deposit KES \u202E0052\u202C"));

            assertThat(t.next()).isEqualTo(new CollectingDescription(descriptionStep().draft(), false, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(Reply.of(Description.HIDDEN_FORMATTING, BotCopy.CANCEL));
        }
    }

    @Nested
    @DisplayName("confirm step")
    class ConfirmStep {

        @Test
        void givenConfirming_whenSendTapped_thenCreatesAndSendsTheDraftAndGoesIdleWithoutAReply() {
            Transition t = step(confirming(), tap(BotCopy.SEND));

            assertThat(t.next()).isEqualTo(IDLE);
            assertThat(t.replies()).isEmpty();
            assertThat(t.effects()).containsExactly(new CreateAndSendInvoice(COMPLETE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"send", "Send", "YES", " yes "})
        void givenConfirming_whenSendOrYesTyped_thenCreatesAndSendsTheDraft(String send) {
            Transition t = step(confirming(), text(send));

            assertThat(t.next()).isEqualTo(IDLE);
            assertThat(t.replies()).isEmpty();
            assertThat(t.effects()).containsExactly(new CreateAndSendInvoice(COMPLETE));
        }

        @Test
        void givenConfirming_whenEditTapped_thenOffersAmountDescriptionCustomer() {
            Transition t = step(confirming(), tap(BotCopy.EDIT));

            assertThat(t.next()).isEqualTo(new ChoosingEdit(COMPLETE, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.chooseEdit(), BotCopy.EDIT_AMOUNT,
                    BotCopy.EDIT_DESCRIPTION, BotCopy.EDIT_CUSTOMER));
            assertThat(t.effects()).isEmpty();
        }

        @Test
        void givenConfirming_whenEditTyped_thenOffersTheEdits() {
            assertThat(step(confirming(), text("Edit")).next()).isEqualTo(new ChoosingEdit(COMPLETE, NOW, false));
        }

        @ParameterizedTest
        @ValueSource(strings = {"maybe", "ok", "no", "2500", "amount"})
        void givenConfirming_whenTextIsNotAChoice_thenAsksToUseTheButtonsAndStays(String other) {
            Transition t = step(confirming(), text(other));

            assertThat(t.next()).isEqualTo(new Confirming(COMPLETE, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(
                    Reply.of(BotCopy.useButtons(), BotCopy.SEND, BotCopy.EDIT, BotCopy.CANCEL));
            assertThat(t.effects()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"skip", "edit_amount", "something_else"})
        void givenConfirming_whenAStaleButtonIsTapped_thenAsksToUseTheButtons(String buttonId) {
            Transition t = step(confirming(), tap(buttonId));

            assertThat(t.next()).isEqualTo(new Confirming(COMPLETE, NOW, false));
            assertThat(onlyReply(t).text()).isEqualTo(BotCopy.useButtons());
            assertThat(t.effects()).isEmpty();
        }

        @Test
        void givenADraftWithoutName_whenPreviewed_thenShowsADash() {
            InvoiceDraft draft = COMPLETE.withName(Optional.empty());
            Transition t = step(new ChatState.CollectingDueDate(draft, false, T0, false), tap(BotCopy.SKIP));

            assertThat(onlyReply(t).text()).contains("• To: 254712345678 (—)");
        }
    }

    @Nested
    @DisplayName("choosing an edit")
    class ChoosingAnEdit {

        @Test
        void givenChoosingEdit_whenAmountTapped_thenAsksForTheAmountInEditMode() {
            Transition t = step(choosingEdit(), tap(BotCopy.EDIT_AMOUNT));

            assertThat(t.next()).isEqualTo(new CollectingAmount(COMPLETE, true, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.askAmount(), BotCopy.CANCEL));
        }

        @Test
        void givenChoosingEdit_whenDescriptionTapped_thenAsksForTheDescriptionInEditMode() {
            Transition t = step(choosingEdit(), tap(BotCopy.EDIT_DESCRIPTION));

            assertThat(t.next()).isEqualTo(new CollectingDescription(COMPLETE, true, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.askDescription(), BotCopy.CANCEL));
        }

        @Test
        void givenChoosingEdit_whenCustomerTapped_thenAsksForThePhoneInEditMode() {
            Transition t = step(choosingEdit(), tap(BotCopy.EDIT_CUSTOMER));

            assertThat(t.next()).isEqualTo(new CollectingPhone(COMPLETE, true, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.askPhone(), BotCopy.CANCEL));
        }

        @Test
        void givenChoosingEdit_whenTheChoiceIsTyped_thenWorksLikeTheButton() {
            assertThat(step(choosingEdit(), text("amount")).next())
                    .isEqualTo(new CollectingAmount(COMPLETE, true, NOW, false));
            assertThat(step(choosingEdit(), text("Description")).next())
                    .isEqualTo(new CollectingDescription(COMPLETE, true, NOW, false));
            assertThat(step(choosingEdit(), text(" CUSTOMER ")).next())
                    .isEqualTo(new CollectingPhone(COMPLETE, true, NOW, false));
        }

        @ParameterizedTest
        @ValueSource(strings = {"send", "price", "3000", "yes"})
        void givenChoosingEdit_whenTextIsNotAChoice_thenAsksToUseTheButtonsAndStays(String other) {
            Transition t = step(choosingEdit(), text(other));

            assertThat(t.next()).isEqualTo(new ChoosingEdit(COMPLETE, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.useButtons(), BotCopy.EDIT_AMOUNT,
                    BotCopy.EDIT_DESCRIPTION, BotCopy.EDIT_CUSTOMER));
            assertThat(t.effects()).isEmpty();
        }

        @Test
        void givenChoosingEdit_whenSendTapped_thenDoesNotSend() {
            Transition t = step(choosingEdit(), tap(BotCopy.SEND));

            assertThat(t.next()).isInstanceOf(ChoosingEdit.class);
            assertThat(t.effects()).isEmpty();
            assertThat(onlyReply(t).text()).isEqualTo(BotCopy.useButtons());
        }
    }

    @Nested
    @DisplayName("edits return to the preview")
    class Edits {

        @Test
        void givenEditingTheAmount_whenANewAmount_thenReturnsToConfirmingWithIt() {
            Transition t = step(new CollectingAmount(COMPLETE, true, T0, false), text("3,000"));

            InvoiceDraft edited = COMPLETE.withAmount(Amount.ofShillings(3_000));
            assertThat(t.next()).isEqualTo(new Confirming(edited, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(
                    Reply.of(expectedPreview(edited), BotCopy.SEND, BotCopy.EDIT, BotCopy.CANCEL));
            assertThat(onlyReply(t).text()).contains("• Amount: KES 3,000");
        }

        @Test
        void givenEditingTheDescription_whenANewDescription_thenReturnsToConfirmingWithIt() {
            Transition t = step(new CollectingDescription(COMPLETE, true, T0, false), text("Logo design first milestone"));

            InvoiceDraft edited = COMPLETE.withDescription(new Description("Logo design first milestone"));
            assertThat(t.next()).isEqualTo(new Confirming(edited, NOW, false));
            assertThat(onlyReply(t).text()).contains("• Item: Logo design first milestone");
        }

        @Test
        void givenEditingTheCustomer_whenNewPhoneThenName_thenAsksTheNameAndReturnsToConfirming() {
            Transition afterPhone = step(new CollectingPhone(COMPLETE, true, T0, false), text("0110000001"));

            InvoiceDraft withPhone = COMPLETE.withCustomer(new CustomerRef.ByPhone(OTHER_PHONE));
            assertThat(afterPhone.next()).isEqualTo(new CollectingName(withPhone, true, NOW, false));
            assertThat(onlyReply(afterPhone)).isEqualTo(Reply.of(BotCopy.askName(), BotCopy.SKIP, BotCopy.CANCEL));

            Transition afterName = step(afterPhone.next(), text("Otieno"));

            InvoiceDraft edited = withPhone.withName(Optional.of(new CustomerName("Otieno")));
            assertThat(afterName.next()).isEqualTo(new Confirming(edited, NOW, false));
            assertThat(onlyReply(afterName).text()).contains("• To: 254110000001 (Otieno)");
        }

        @Test
        void givenEditingTheCustomer_whenTheNameIsSkipped_thenReturnsToConfirmingWithoutAName() {
            Transition t = step(new CollectingName(COMPLETE, true, T0, false), tap(BotCopy.SKIP));

            assertThat(t.next()).isEqualTo(new Confirming(COMPLETE.withName(Optional.empty()), NOW, false));
        }

        @Test
        void givenEditingTheCustomer_whenDashTyped_thenReturnsToConfirmingWithoutAName() {
            Transition t = step(new CollectingName(COMPLETE, true, T0, false), text("-"));

            assertThat(t.next()).isEqualTo(new Confirming(COMPLETE.withName(Optional.empty()), NOW, false));
        }

        @Test
        void givenEditingTheAmount_whenInvalid_thenStaysInEditMode() {
            Transition t = step(new CollectingAmount(COMPLETE, true, T0, false), text("lots"));

            assertThat(t.next()).isEqualTo(new CollectingAmount(COMPLETE, true, NOW, false));
            assertThat(onlyReply(t).text()).isEqualTo(Amount.EXPECTED);
        }

        @Test
        void givenEditingThePhone_whenInvalid_thenStaysInEditMode() {
            Transition t = step(new CollectingPhone(COMPLETE, true, T0, false), text("0812"));

            assertThat(t.next()).isEqualTo(new CollectingPhone(COMPLETE, true, NOW, false));
            assertThat(onlyReply(t).text()).isEqualTo(Msisdn.EXPECTED);
        }

        @Test
        void givenEditingTheDescription_whenInvalid_thenStaysInEditMode() {
            Transition t = step(new CollectingDescription(COMPLETE, true, T0, false), text("x"));

            assertThat(t.next()).isEqualTo(new CollectingDescription(COMPLETE, true, NOW, false));
            assertThat(onlyReply(t).text()).contains(Description.EXPECTED);
        }

        @Test
        void givenEditingTheName_whenInvalid_thenStaysInEditMode() {
            Transition t = step(new CollectingName(COMPLETE, true, T0, false), text("x"));

            assertThat(t.next()).isEqualTo(new CollectingName(COMPLETE, true, NOW, false));
            assertThat(onlyReply(t).text()).isEqualTo(CustomerName.EXPECTED);
        }

        @Test
        void givenAnEditThenSend_whenSent_thenTheEffectCarriesTheEditedDraft() {
            Transition choose = step(confirming(), tap(BotCopy.EDIT));
            Transition pick = step(choose.next(), tap(BotCopy.EDIT_AMOUNT));
            Transition amount = step(pick.next(), text("4000"));
            Transition send = step(amount.next(), tap(BotCopy.SEND));

            assertThat(sentDrafts(send)).containsExactly(COMPLETE.withAmount(Amount.ofShillings(4_000)));
            assertThat(send.next()).isEqualTo(IDLE);
        }
    }

    @Nested
    @DisplayName("stale and unknown buttons inside the flow")
    class StaleButtons {

        @Test
        void givenAmountStep_whenAStaleSkipButtonIsTapped_thenReasksTheAmount() {
            Transition t = step(amountStep(), tap(BotCopy.SKIP));

            assertThat(t.next()).isEqualTo(new CollectingAmount(amountStep().draft(), false, NOW, false));
            assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.askAmount(), BotCopy.CANCEL));
            assertThat(t.effects()).isEmpty();
        }

        @Test
        void givenPhoneStep_whenAStaleSendButtonIsTapped_thenNothingIsSent() {
            Transition t = step(phoneStep(), tap(BotCopy.SEND));

            assertThat(t.next()).isEqualTo(new CollectingPhone(InvoiceDraft.EMPTY, false, NOW, false));
            assertThat(t.effects()).isEmpty();
            assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.askPhone(), BotCopy.CANCEL));
        }

        @Test
        void givenDescriptionStep_whenAnUnknownButtonIsTapped_thenReasksTheDescription() {
            Transition t = step(descriptionStep(), tap("mystery"));

            assertThat(onlyReply(t)).isEqualTo(Reply.of(BotCopy.askDescription(), BotCopy.CANCEL));
            assertThat(t.next()).isInstanceOf(CollectingDescription.class);
        }
    }
}
