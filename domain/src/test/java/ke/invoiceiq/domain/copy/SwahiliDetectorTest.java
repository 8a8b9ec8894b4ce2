package ke.invoiceiq.domain.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Swahili is told only where it is plain; English, numbers, ids and mixed messages are left unread. */
class SwahiliDetectorTest {

    @ParameterizedTest(name = "\"{0}\" → Swahili")
    @ValueSource(strings = {
            "Habari", "habari yako?", "Asante sana!", "asante", "Sawa", "ndiyo", "Ndio nimelipa",
            "Nimelipa tayari", "lipa INV-7K3Q9X", "LIPA inv-7k3q9x", "Tafadhali nitumie ankara",
            "Samahani, nitalipa kesho", "Bado sijalipa", "Mambo! Niaje", "Hujambo", "Naomba msaada",
            "habari, pay INV-7K3Q9X", "Sawa sawa 👍"})
    void givenSwahili_whenRead_thenItIsSwahili(String text) {
        assertThat(SwahiliDetector.detect(text)).contains(Language.SW);
    }

    @ParameterizedTest(name = "\"{0}\" → not told")
    @NullAndEmptySource
    @ValueSource(strings = {
            "   ", "PAY INV-7K3Q9X", "pay inv-7k3q9x", "Hello", "Thanks, I have paid", "ok", "yes", "👍",
            "INV-7K3Q9X", "0712345678", "2500", "Hi, I will pay tomorrow please", "Sawa? What is the amount for the"
            + " invoice you sent", "I am in Nairobi", "Mama Njeri", "Leo", "Karibuni",
            "Asante, thank you"})
    void givenTextThatIsNotPlainSwahili_whenRead_thenNothingIsTold(String text) {
        assertThat(SwahiliDetector.detect(text)).isEmpty();
    }

    @Test
    void givenEnglish_whenRead_thenItIsNeverToldAsEnglish() {
        assertThat(SwahiliDetector.detect("Hello, thank you, I have paid the invoice")).isEqualTo(Optional.empty());
    }

    @Test
    void theTwoWordListsShareNoWord() {
        assertThat(SwahiliDetector.SWAHILI).doesNotContainAnyElementsOf(SwahiliDetector.ENGLISH);
    }
}
