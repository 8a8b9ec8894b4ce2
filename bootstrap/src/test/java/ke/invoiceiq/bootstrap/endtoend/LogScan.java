package ke.invoiceiq.bootstrap.endtoend;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Finds what must never be in a log line: a full Kenyan mobile number, or text people wrote or were sent. */
final class LogScan {

    /** A 12-digit 254… number not masked, standing alone (not part of a longer run of digits). */
    private static final Pattern FULL_NUMBER = Pattern.compile("(?<!\\d)254\\d{9}(?!\\d)");

    private LogScan() {
    }

    /** Each offending line, with what it gave away (never the line itself: the report must not leak either). */
    static List<String> findings(List<String> lines, List<String> messageTexts) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (FULL_NUMBER.matcher(line).find()) {
                found.add("line " + (i + 1) + ": a phone number");
            }
            for (String text : messageTexts) {
                if (line.contains(text)) {
                    found.add("line " + (i + 1) + ": message text of " + text.length() + " characters");
                }
            }
        }
        return found;
    }
}
