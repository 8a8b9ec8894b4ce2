package ke.invoiceiq.domain.due;

import java.time.DayOfWeek;
import java.time.MonthDay;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.invoiceiq.domain.shared.Field;
import ke.invoiceiq.domain.shared.Parsed;
import ke.invoiceiq.domain.shared.Text;

/**
 * Reads a due date as a merchant types it, in English or Swahili, into a {@link DueClause}. Pure: what day it names
 * is decided later, against today in Nairobi ({@link DueClause#resolve}).
 *
 * <pre>
 * due 15 Dec | due 15 December | due Dec 15 | due 15 Dec 2027 | due 15/12 | due 15-12-2027   → OnDay
 * due friday | due fri | due ijumaa                                                       → OnWeekday
 * due today | due leo | due tomorrow | due kesho                                         → InDays(0 | 1)
 * in 7 days | due in 7 days | in 2 weeks | baada ya siku 7 | baada ya wiki 2              → InDays(n)
 * tarehe 15 Des  (Swahili for "date 15 Dec")                                             → OnDay
 * </pre>
 *
 * <p>In a one-line invoice ({@link #split}) the clause is the end of the line: the last {@code due} (or
 * {@code tarehe}) followed by up to four words that read as a date, or a closing {@code in N days}. Words after
 * {@code due} that do not look like a date at all ({@code Rent due soon}) stay in the description; words that look
 * like one but are not ({@code due 31 Feb 2027}, {@code due 32/12}) are refused, so a typo never goes unnoticed.
 */
public final class DueClauseParser {

    /** The description words before the clause, and the clause when there is one. */
    public record Split(List<String> rest, Optional<Parsed<DueClause>> due) {
        public Split {
            rest = List.copyOf(rest);
        }
    }

    private static final int MAX_CLAUSE_WORDS = 4;
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})(?:[/.-](\\d{2}|\\d{4}))?");
    private static final Pattern DAY = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern COUNT = Pattern.compile("\\d{1,3}");

    private static final Map<String, Integer> MONTHS = months();
    private static final Map<String, DayOfWeek> WEEKDAYS = weekdays();

    private DueClauseParser() {
    }

    /** The trailing due clause of a one-line invoice's description words, when it has one. */
    public static Split split(List<String> words) {
        int n = words.size();
        // "… in 7 days" / "… baada ya siku 7", with or without "due" before it
        for (int length : new int[] {3, 4}) {
            if (n >= length) {
                List<String> tail = words.subList(n - length, n);
                Optional<Integer> days = inDays(tail);
                if (days.isPresent()) {
                    int start = n - length;
                    if (start >= 1 && isKeyword(words.get(start - 1))) {
                        start--;
                    }
                    return new Split(words.subList(0, start), Optional.of(Parsed.ok(new DueClause.InDays(days.get()))));
                }
            }
        }
        // an empty description left over is the caller's to refuse ("Description is missing")
        for (int i = n - 2; i >= 0 && n - 1 - i <= MAX_CLAUSE_WORDS; i--) {
            if (isKeyword(words.get(i))) {
                Optional<Parsed<DueClause>> clause = read(words.subList(i + 1, n));
                return clause.isPresent() ? new Split(words.subList(0, i), clause) : new Split(words, Optional.empty());
            }
        }
        return new Split(words, Optional.empty());
    }

    /** The answer to the guided flow's question: the whole text is the date ({@code due} in front allowed). */
    public static Parsed<DueClause> parse(String text) {
        String squashed = Text.squash(text);
        List<String> words = squashed.isEmpty() ? List.of() : List.of(squashed.split(" "));
        if (!words.isEmpty() && isKeyword(words.getFirst())) {
            words = words.subList(1, words.size());
        }
        return read(words).orElseGet(DueClauseParser::invalid);
    }

    /**
     * The words after {@code due}: empty when they do not look like a date at all, else the clause or why it is
     * refused.
     */
    static Optional<Parsed<DueClause>> read(List<String> raw) {
        if (raw.isEmpty() || raw.size() > MAX_CLAUSE_WORDS) {
            return Optional.empty();
        }
        List<String> w = raw.stream().map(DueClauseParser::clean).toList();
        Optional<Integer> days = inDays(w);
        if (days.isPresent()) {
            return Optional.of(Parsed.ok(new DueClause.InDays(days.get())));
        }
        if (!looksLikeDate(w.getFirst())) {
            return Optional.empty();
        }
        return Optional.of(clause(w).map(Parsed::ok).orElseGet(DueClauseParser::invalid));
    }

    private static Optional<DueClause> clause(List<String> w) {
        String first = w.getFirst();
        if (w.size() == 1) {
            switch (first) {
                case "today", "leo" -> {
                    return Optional.of(new DueClause.InDays(0));
                }
                case "tomorrow", "tmrw", "kesho" -> {
                    return Optional.of(new DueClause.InDays(1));
                }
                default -> {
                }
            }
            if (WEEKDAYS.containsKey(first)) {
                return Optional.of(new DueClause.OnWeekday(WEEKDAYS.get(first)));
            }
            Matcher numeric = NUMERIC.matcher(first);
            if (numeric.matches()) {
                OptionalInt year = numeric.group(3) == null ? OptionalInt.empty()
                        : OptionalInt.of(fullYear(numeric.group(3)));
                return onDay(Integer.parseInt(numeric.group(1)), Integer.parseInt(numeric.group(2)), year);
            }
            return Optional.empty();
        }
        if (w.size() > 3) {
            return Optional.empty();
        }
        // "15 dec [2027]" or "dec 15 [2027]"
        String dayWord = MONTHS.containsKey(first) ? w.get(1) : first;
        String monthWord = MONTHS.containsKey(first) ? first : w.get(1);
        Matcher day = DAY.matcher(dayWord);
        if (!day.matches() || !MONTHS.containsKey(monthWord)) {
            return Optional.empty();
        }
        OptionalInt year = OptionalInt.empty();
        if (w.size() == 3) {
            if (!YEAR.matcher(w.get(2)).matches()) {
                return Optional.empty();
            }
            year = OptionalInt.of(Integer.parseInt(w.get(2)));
        }
        return onDay(Integer.parseInt(day.group(1)), MONTHS.get(monthWord), year);
    }

    private static Optional<DueClause> onDay(int day, int month, OptionalInt year) {
        if (month < 1 || month > 12 || day < 1 || day > java.time.Month.of(month).maxLength()) {
            return Optional.empty();
        }
        return Optional.of(new DueClause.OnDay(MonthDay.of(month, day), year));
    }

    /** {@code in 7 days}, {@code in 1 day}, {@code in 2 weeks}, {@code baada ya siku 7}, {@code baada ya wiki 2}. */
    private static Optional<Integer> inDays(List<String> raw) {
        List<String> w = raw.stream().map(DueClauseParser::clean).toList();
        if (w.size() == 3 && w.get(0).equals("in") && COUNT.matcher(w.get(1)).matches()) {
            int n = Integer.parseInt(w.get(1));
            return switch (w.get(2)) {
                case "day", "days" -> Optional.of(n);
                case "week", "weeks" -> Optional.of(n * 7);
                default -> Optional.empty();
            };
        }
        if (w.size() == 4 && w.get(0).equals("baada") && w.get(1).equals("ya")
                && COUNT.matcher(w.get(3)).matches()) {
            int n = Integer.parseInt(w.get(3));
            return switch (w.get(2)) {
                case "siku" -> Optional.of(n);
                case "wiki" -> Optional.of(n * 7);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    private static boolean looksLikeDate(String first) {
        return Character.isDigit(first.charAt(0)) || MONTHS.containsKey(first) || WEEKDAYS.containsKey(first)
                || Set.of("today", "leo", "tomorrow", "tmrw", "kesho").contains(first);
    }

    private static boolean isKeyword(String word) {
        String w = clean(word);
        return w.equals("due") || w.equals("tarehe");
    }

    private static int fullYear(String digits) {
        int y = Integer.parseInt(digits);
        return digits.length() == 2 ? 2000 + y : y;
    }

    /** Lower case, without a closing comma or full stop ({@code 15 Dec.}). */
    private static String clean(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        while (w.length() > 1 && (w.endsWith(".") || w.endsWith(","))) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static Parsed<DueClause> invalid() {
        return Parsed.rejected(Field.DUE_DATE, DueDates.invalidMessage());
    }

    private static Map<String, Integer> months() {
        var m = new java.util.HashMap<String, Integer>();
        String[][] names = {
            {"jan", "january", "januari"}, {"feb", "february", "februari"}, {"mar", "march", "machi", "mac"},
            {"apr", "april", "aprili"}, {"may", "mei"}, {"jun", "june", "juni"}, {"jul", "july", "julai"},
            {"aug", "august", "agosti", "ago"}, {"sep", "sept", "september", "septemba"},
            {"oct", "october", "oktoba", "okt"}, {"nov", "november", "novemba"}, {"dec", "december", "desemba", "des"},
        };
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                m.put(name, i + 1);
            }
        }
        return Map.copyOf(m);
    }

    private static Map<String, DayOfWeek> weekdays() {
        var m = new java.util.HashMap<String, DayOfWeek>();
        String[][] names = {
            {"mon", "monday", "jumatatu"}, {"tue", "tues", "tuesday", "jumanne"}, {"wed", "wednesday", "jumatano"},
            {"thu", "thur", "thurs", "thursday", "alhamisi"}, {"fri", "friday", "ijumaa"},
            {"sat", "saturday", "jumamosi"}, {"sun", "sunday", "jumapili"},
        };
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                m.put(name, DayOfWeek.of(i + 1));
            }
        }
        return Map.copyOf(m);
    }
}
