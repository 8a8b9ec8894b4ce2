package ke.invoiceiq.bootstrap.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ke.invoiceiq.domain.chat.BotCopy;
import org.junit.jupiter.api.Test;

/**
 * Reads the log of the whole test run (the JSON file the test profile writes) for phone numbers and message
 * text. A plain test: Quarkus orders it after every {@code @QuarkusTest}, so the end-to-end runs are in the file.
 */
class LogScanTest {

    static final Path LOG = Path.of("target", "test-logs", "invoiceiq.log");

    /** What the end-to-end tests typed and what the bot answered them. */
    static final List<String> MESSAGE_TEXTS = List.of(
            EndToEndTest.DESCRIPTIONS.get(0), EndToEndTest.DESCRIPTIONS.get(1), EndToEndTest.DESCRIPTIONS.get(2),
            "Window cleaning", "Gardening",
            BotCopy.askPhone(), BotCopy.askName(), BotCopy.askAmount(), BotCopy.askDescription(),
            "Pay with M-PESA");

    @Test
    void givenTheEndToEndRunsOfThisSuite_whenTheirLogIsRead_thenNoPhoneNumberAndNoMessageText() throws IOException {
        String marker = System.getProperty(EndToEndTest.RUN_MARKER_PROPERTY);
        assertThat(marker).as("EndToEndTest runs first in the same JVM (run the whole bootstrap suite)").isNotNull();
        List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
        // lines written while Quarkus boots are plain text; once configured, every line is JSON with its MDC
        assertThat(lines).as("this run's log, as JSON").anyMatch(line -> line.contains(marker)
                && line.startsWith("{\"timestamp\"") && line.contains("\"mdc\":"));

        assertThat(LogScan.findings(lines, MESSAGE_TEXTS)).isEmpty();
    }

    @Test
    void givenLinesThatLeak_whenScanned_thenEachLeakIsFound() {
        List<String> lines = List.of(
                "{\"message\":\"sent to 2547****5678\"}",
                "{\"message\":\"sent to 254712345678\"}",
                "{\"message\":\"body: Gardening\"}",
                "{\"message\":\"ts 17322547123456789\"}");

        assertThat(LogScan.findings(lines, List.of("Gardening")))
                .containsExactly("line 2: a phone number", "line 3: message text of 9 characters");
    }
}
