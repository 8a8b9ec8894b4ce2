package ke.invoiceiq.adapters.africastalking.outbound;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns Africa's Talking's words ({@code InvalidPhoneNumber}, {@code Sent to 0/1 Total Cost: 0}) into the short
 * kebab-case codes this adapter returns ({@code invalid-phone-number}). A code is stored in the message trail and
 * logged, so it keeps only letters, digits and dashes, and never a run of five or more digits (a phone number or
 * an account figure in AT's wording must not slip through).
 */
final class Codes {

    static final int MAX_LENGTH = 40;

    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{5,}");
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern NOT_CODE = Pattern.compile("[^A-Za-z0-9]+");

    private Codes() {
    }

    /** The kebab-case code of {@code text}, or {@code fallback} when nothing usable is left. */
    static String fromText(String text, String fallback) {
        if (text == null) {
            return fallback;
        }
        String s = LONG_DIGITS.matcher(text).replaceAll(" ");
        s = CAMEL.matcher(s).replaceAll("$1-$2");
        s = NOT_CODE.matcher(s).replaceAll("-").toLowerCase(Locale.ROOT);
        s = trimDashes(s);
        if (s.length() > MAX_LENGTH) {
            s = trimDashes(s.substring(0, MAX_LENGTH));
        }
        return s.isEmpty() ? fallback : s;
    }

    private static String trimDashes(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '-') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '-') {
            to--;
        }
        return s.substring(from, to);
    }
}
