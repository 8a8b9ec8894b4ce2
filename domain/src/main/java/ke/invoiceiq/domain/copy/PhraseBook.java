package ke.invoiceiq.domain.copy;

import java.util.List;
import java.util.stream.Stream;

/** Every group of phrases: a group missing here escapes the rules {@code PhraseBookTest} holds each entry to. */
public final class PhraseBook {

    private PhraseBook() {
    }

    public static List<Phrase> all() {
        return Stream.<Phrase[]>of(
                        CommonPhrases.values(),
                        ButtonPhrases.values(),
                        MerchantChatPhrases.values(),
                        CustomerChatPhrases.values(),
                        InvoicePhrases.values(),
                        PaymentPhrases.values(),
                        ReasonPhrases.values(),
                        DeliveryPhrases.values(),
                        PayPagePhrases.values(),
                        SandboxPhrases.values(),
                        DuePhrases.values(),
                        CashPhrases.values(),
                        C2bPhrases.values())
                .flatMap(Stream::of)
                .toList();
    }
}
