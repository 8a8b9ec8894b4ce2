package ke.invoiceiq.domain.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.Button;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** WhatsApp's limits hold for every button title in every language, and a button's id never changes with it. */
class ButtonPhrasesTest {

    static Stream<Arguments> everyTitle() {
        List<Arguments> all = new ArrayList<>();
        for (Language language : Language.values()) {
            for (ButtonPhrases phrase : ButtonPhrases.values()) {
                all.add(Arguments.argumentSet(phrase.name() + " " + language.tag(), phrase, language));
            }
            all.add(Arguments.argumentSet("PAY_WITH_MPESA " + language.tag(), CommonPhrases.PAY_WITH_MPESA,
                    language));
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("everyTitle")
    void givenAButtonTitle_whenWritten_thenItFitsWhatsAppsTwentyCharacters(Phrase title, Language language) {
        String text = title.text(language);

        assertThat(text.codePointCount(0, text.length())).isBetween(1, Button.MAX_TITLE);
        assertThat(Phrase.placeholders(text)).as("a title has no placeholder").isEmpty();
    }

    @Test
    void givenEveryButton_whenMadeInSwahili_thenOnlyItsTitleDiffers() {
        InvoiceId id = new InvoiceId("INV-7K3Q9X");
        List<Button> english = buttons(Language.EN, id);
        List<Button> swahili = buttons(Language.SW, id);

        assertThat(swahili).extracting(Button::id).containsExactlyElementsOf(english.stream().map(Button::id).toList());
        for (int i = 0; i < english.size(); i++) {
            assertThat(swahili.get(i).title()).as(english.get(i).id()).isNotEqualTo(english.get(i).title());
        }
        assertThat(english).contains(BotCopy.CANCEL, BotCopy.SKIP, BotCopy.SEND, BotCopy.EDIT, BotCopy.EDIT_AMOUNT,
                BotCopy.EDIT_DESCRIPTION, BotCopy.EDIT_CUSTOMER, BotCopy.NEW_INVOICE, BotCopy.payButton(id),
                BotCopy.viewButton(id), BotCopy.remindButton(id), BotCopy.cancelInvoiceButton(id));
        assertThat(english).extracting(Button::id).containsExactly("cancel", "skip", "send", "edit", "edit_amount",
                "edit_description", "edit_customer", "new_invoice", "pay_INV-7K3Q9X", "view_INV-7K3Q9X",
                "remind_INV-7K3Q9X", "cancel_INV-7K3Q9X");
    }

    private static List<Button> buttons(Language l, InvoiceId id) {
        return List.of(BotCopy.cancel(l), BotCopy.skip(l), BotCopy.send(l), BotCopy.edit(l), BotCopy.editAmount(l),
                BotCopy.editDescription(l), BotCopy.editCustomer(l), BotCopy.newInvoice(l), BotCopy.payButton(id, l),
                BotCopy.viewButton(id, l), BotCopy.remindButton(id, l), BotCopy.cancelInvoiceButton(id, l));
    }
}
