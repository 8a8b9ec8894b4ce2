package ke.invoiceiq.domain.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/chat-flow.md shows every chat entry in both languages, as the code has it. */
class ChatCopyDocTest {

    private static String doc;

    @BeforeAll
    static void readTheDoc() throws IOException {
        doc = Files.readString(Path.of("..", "docs", "chat-flow.md"));
    }

    static Stream<Phrase> chatPhrases() {
        return Stream.of(Stream.<Phrase>of(CommonPhrases.PAY_WITH_MPESA), Stream.of(ButtonPhrases.values()),
                Stream.of(MerchantChatPhrases.values()), Stream.of(CustomerChatPhrases.values())).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chatPhrases")
    void givenAChatEntry_whenTheDocIsRead_thenItShowsItsEnglishAndSwahiliSideBySide(Phrase phrase) {
        assertThat(doc).contains("| `" + phrase.name() + "` | " + cell(phrase.en()) + " | " + cell(phrase.sw()) + " |");
    }

    private static String cell(String text) {
        return "`" + text.replace("\n", "\\n").replace("|", "\\|") + "`";
    }
}
