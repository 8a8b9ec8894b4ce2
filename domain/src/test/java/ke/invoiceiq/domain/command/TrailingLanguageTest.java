package ke.invoiceiq.domain.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import ke.invoiceiq.domain.copy.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The trailing sw/en tag is taken off the words of a one-line invoice, and only a tag is. */
class TrailingLanguageTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                arguments("0712345678 2500 Cleaning sw", "0712345678 2500 Cleaning", Optional.of(Language.SW)),
                arguments("0712345678 2500 Cleaning SW", "0712345678 2500 Cleaning", Optional.of(Language.SW)),
                arguments("0712345678 2500 Cleaning en", "0712345678 2500 Cleaning", Optional.of(Language.EN)),
                // a due clause comes before the tag, and is left whole for its own reader
                arguments("0712 2500 Cleaning due friday sw", "0712 2500 Cleaning due friday",
                        Optional.of(Language.SW)),
                arguments("0712345678 2500 Cleaning", "0712345678 2500 Cleaning", Optional.empty()),
                arguments("0712345678 2500 Swahili lessons", "0712345678 2500 Swahili lessons", Optional.empty()),
                arguments("0712345678 2500 Cleaning kisw", "0712345678 2500 Cleaning kisw", Optional.empty()),
                arguments("0712345678 2500 Cleaning sw-KE", "0712345678 2500 Cleaning sw-KE", Optional.empty()),
                arguments("0712345678 2500 Cleaning fr", "0712345678 2500 Cleaning fr", Optional.empty()),
                // alone, "sw" is what the merchant typed, not a tag on anything
                arguments("sw", "sw", Optional.empty()));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → \"{1}\" {2}")
    @MethodSource("lines")
    void givenTheWordsOfAnInvoice_whenSplit_thenTheTagIsTakenOffTheEnd(String line, String rest,
            Optional<Language> language) {
        TrailingLanguage split = TrailingLanguage.of(List.of(line.split(" ")));

        assertThat(String.join(" ", split.rest())).isEqualTo(rest);
        assertThat(split.language()).isEqualTo(language);
    }
}
