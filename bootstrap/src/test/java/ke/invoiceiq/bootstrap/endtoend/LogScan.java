package ke.invoiceiq.bootstrap.endtoend;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Finds what must never be in a log line: a full Kenyan mobile number, or text people wrote or were sent. */
final class LogScan {

    /** A 12-digit 254… number not masked, standing alone (not part of a longer run of digits). */
    private static final Pattern FULL_NUMBER = Pattern.compile("(?<!\\d)254\\d{9}(?!\\d)");

    /**
     * Recorded texts shorter than this are not looked for: a one-word reply ("help", "1", "yes") or an amount is
     * also an ordinary word or number of a log line. The descriptions the tests type are looked for by name instead
     * ({@link LogScanTest#MESSAGE_TEXTS}).
     */
    static final int MIN_TEXT_LENGTH = 10;

    private LogScan() {
    }

    /**
     * Each offending line, with what it gave away (never the line itself: the report must not leak either).
     *
     * @param numbers the numbers typed in the tests, in their {@code 2547…} form: any unmasked 254… number is found
     *                anyway, these are looked for in the forms people type too ({@code +2547…}, {@code 07…})
     * @param texts   what people typed and were sent, each looked for as it is
     */
    static List<String> findings(List<String> lines, Collection<String> numbers, Collection<String> texts) {
        List<Pattern> typedNumbers = numbers.stream().map(LogScan::anyForm).toList();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (FULL_NUMBER.matcher(line).find() || typedNumbers.stream().anyMatch(n -> n.matcher(line).find())) {
                found.add("line " + (i + 1) + ": a phone number");
            }
            for (String text : texts) {
                if (line.contains(text)) {
                    found.add("line " + (i + 1) + ": message text of " + text.length() + " characters");
                }
            }
        }
        return found;
    }

    /** The recorded texts distinctive enough to look for: at least {@link #MIN_TEXT_LENGTH} characters. */
    static List<String> distinctive(Collection<String> recorded) {
        return recorded.stream().filter(text -> text.strip().length() >= MIN_TEXT_LENGTH).toList();
    }

    /** {@code 254712345678} as {@code 254712345678}, {@code +254712345678} or {@code 0712345678}, standing alone. */
    private static Pattern anyForm(String number) {
        String subscriber = number.startsWith("254") ? number.substring(3) : number;
        return Pattern.compile("(?<!\\d)(?:254|0)" + Pattern.quote(subscriber) + "(?!\\d)");
    }
}
