package ke.invoiceiq.domain.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every entry of the copy has its Swahili, and the two languages carry the same placeholders. */
class PhraseBookTest {

    static Stream<Phrase> phrases() {
        return PhraseBook.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phrases")
    void givenAnEntry_whenReadInSwahili_thenItHasItsOwnText(Phrase phrase) {
        assertThat(phrase.en()).as("English of %s", phrase.name()).isNotBlank();
        assertThat(phrase.sw()).as("Swahili of %s", phrase.name()).isNotBlank();
        assertThat(phrase.sw()).as("Swahili of %s is a translation, not the English again", phrase.name())
                .isNotEqualTo(phrase.en());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phrases")
    void givenAnEntry_whenBothLanguagesAreCompared_thenTheyCarryTheSamePlaceholders(Phrase phrase) {
        assertThat(Phrase.placeholders(phrase.sw())).as("placeholders of %s", phrase.name())
                .containsExactlyInAnyOrderElementsOf(Phrase.placeholders(phrase.en()));
    }

    @Test
    void givenEveryGroup_whenListed_thenNoEntryAppearsTwice() {
        assertThat(PhraseBook.all()).doesNotHaveDuplicates();
    }

    /** One entry per message: a sentence said in two places is one entry used twice, so it cannot drift apart. */
    @Test
    void givenEverySentence_whenCompared_thenNoTwoEntriesSayTheSameInEnglish() {
        var sentences = PhraseBook.all().stream().filter(p -> p.en().strip().split("\\s+").length >= 4)
                .collect(java.util.stream.Collectors.groupingBy(Phrase::en,
                        java.util.stream.Collectors.mapping(p -> p.getClass().getSimpleName() + "." + p.name(),
                                java.util.stream.Collectors.toList())));
        assertThat(sentences.values()).as("entries saying the same sentence").allSatisfy(
                entries -> assertThat(entries).hasSize(1));
    }

    @Test
    void givenAValueThatLooksLikeAPlaceholder_whenFilled_thenItIsKeptAsTyped() {
        Phrase p = new Phrase() {
            public String en() { return "Invoice {id}: {item}"; }
            public String sw() { return "Ankara {id}: {item}"; }
            public String name() { return "TEST"; }
        };
        assertThat(p.in(Language.SW).with("id", "INV-7K3Q9X").with("item", "{id} $1 \\").text())
                .isEqualTo("Ankara INV-7K3Q9X: {id} $1 \\");
    }

    @Test
    void givenAPlaceholderLeftEmpty_whenTheTextIsAsked_thenItIsRefused() {
        assertThatThrownBy(() -> CommonPhrases.PAY_WITH_MPESA.in(Language.EN).with("id", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        Phrase p = new Phrase() {
            public String en() { return "Invoice {id}"; }
            public String sw() { return "Ankara {id}"; }
            public String name() { return "TEST"; }
        };
        assertThatThrownBy(() -> p.in(Language.EN).text()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenTags_whenRead_thenTheLanguageIsFound() {
        assertThat(Language.fromTag("sw-KE")).contains(Language.SW);
        assertThat(Language.fromTag(" EN ")).contains(Language.EN);
        assertThat(Language.fromTag("fr")).isEmpty();
        assertThat(Language.fromTag(null)).isEmpty();
    }
}
