package ke.invoiceiq.bootstrap.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ke.invoiceiq.bootstrap.testing.TypedInTests;
import ke.invoiceiq.domain.chat.BotCopy;
import org.junit.jupiter.api.Test;

/**
 * Reads the log of the whole test run (the JSON file the test profile writes) for phone numbers and message
 * text: every number and text the end-to-end tests typed ({@link TypedInTests}, recorded by the helpers as they send
 * them), the descriptions they use and what the bot answered. A plain test: Quarkus orders it after every
 * {@code @QuarkusTest}, so the end-to-end runs and their recordings are there when it reads.
 */
class LogScanTest {

    static final Path LOG = Path.of("target", "test-logs", "invoiceiq.log");

    /** What the end-to-end tests typed as parts of their messages, and what the bot answered them. */
    static final List<String> MESSAGE_TEXTS = List.of(
            EndToEndTest.DESCRIPTIONS.get(0), EndToEndTest.DESCRIPTIONS.get(1), EndToEndTest.DESCRIPTIONS.get(2),
            "Window cleaning", "Gardening",
            BotCopy.askPhone(), BotCopy.askName(), BotCopy.askAmount(), BotCopy.askDescription(),
            "Pay with M-PESA");

    /** The fixed texts and every distinctive text the tests recorded. */
    static Set<String> everyText() {
        Set<String> texts = new LinkedHashSet<>(MESSAGE_TEXTS);
        texts.addAll(LogScan.distinctive(TypedInTests.texts()));
        return texts;
    }

    private static List<String> thisRunsLog() throws IOException {
        String marker = System.getProperty(EndToEndTest.RUN_MARKER_PROPERTY);
        assertThat(marker).as("EndToEndTest runs first in the same JVM (run the whole bootstrap suite)").isNotNull();
        List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
        // lines written while Quarkus boots are plain text; once configured, every line is JSON with its MDC
        assertThat(lines).as("this run's log, as JSON").anyMatch(line -> line.contains(marker)
                && line.startsWith("{\"timestamp\"") && line.contains("\"mdc\":"));
        return lines;
    }

    @Test
    void givenTheEndToEndRunsOfThisSuite_whenTheirLogIsRead_thenNoPhoneNumberAndNoMessageText() throws IOException {
        List<String> lines = thisRunsLog();
        assertThat(TypedInTests.numbers()).as("numbers the end-to-end tests typed").isNotEmpty();
        assertThat(TypedInTests.texts()).as("texts the end-to-end tests typed").isNotEmpty();

        assertThat(LogScan.findings(lines, TypedInTests.numbers(), everyText())).isEmpty();
    }

    /**
     * The scan of this run's log can fail: a line with a number a test typed, written as a merchant types it (which
     * the 254… pattern alone would miss), and a line with a text a test typed are found, and nothing else.
     */
    @Test
    void givenThisRunsLogWithAPlantedNumberAndText_whenScanned_thenExactlyThePlantedLinesAreFound()
            throws IOException {
        List<String> lines = new ArrayList<>(thisRunsLog());
        String number = TypedInTests.numbers().iterator().next();
        String text = LogScan.distinctive(TypedInTests.texts()).getFirst();
        lines.add("{\"timestamp\":\"now\",\"message\":\"sending to 0" + number.substring(3) + "\",\"mdc\":{}}");
        lines.add("{\"timestamp\":\"now\",\"message\":\"handled\",\"mdc\":{\"body\":\"" + text + "\"}}");

        String numberLine = "line " + (lines.size() - 1) + ": ";
        String textLine = "line " + lines.size() + ": ";
        assertThat(LogScan.findings(lines, TypedInTests.numbers(), everyText()))
                .startsWith(numberLine + "a phone number")
                .contains(textLine + "message text of " + text.length() + " characters")
                .as("nothing but the planted lines (a typed text may hold a number too)")
                .allMatch(finding -> finding.startsWith(numberLine) || finding.startsWith(textLine));
    }

    @Test
    void givenLinesThatLeak_whenScanned_thenEachLeakIsFound() {
        List<String> lines = List.of(
                "{\"message\":\"sent to 2547****5678\"}",
                "{\"message\":\"sent to 254712345678\"}",
                "{\"message\":\"body: Gardening\"}",
                "{\"message\":\"ts 17322547123456789\"}",
                "{\"message\":\"typed as 0799123456 and +254799123456\"}",
                "{\"message\":\"not typed: 0711000000, longer: 07991234567\"}",
                "{\"message\":\"the merchant wrote: invoice 0799123456 900 Ironing\"}",
                "{\"message\":\"help\"}");

        assertThat(LogScan.findings(lines, List.of("254799123456"),
                List.of("Gardening", "invoice 0799123456 900 Ironing")))
                .containsExactly("line 2: a phone number", "line 3: message text of 9 characters",
                        "line 5: a phone number", "line 7: a phone number",
                        "line 7: message text of 30 characters");
        assertThat(LogScan.distinctive(List.of("help", "2500", "invoice 0799123456 900 Ironing")))
                .containsExactly("invoice 0799123456 900 Ironing");
    }
}
