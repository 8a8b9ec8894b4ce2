package ke.invoiceiq.bootstrap.observability;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, for checking a dashboard's or an alert's queries against what the
 * service exports. Not a parser: it drops what can hold other identifiers (string literals, label matchers, ranges,
 * the label lists of {@code by}/{@code on}/…), then every identifier not called as a function and not a keyword is
 * a metric name. Enough for the queries this repository writes; a name it cannot see would be missed, never made up.
 */
final class PromQl {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** An identifier not preceded by a word character (so not the {@code e3} of {@code 1e3}), not a call. */
    private static final Pattern NAME = Pattern.compile("(?<![\\w:.$])([a-zA-Z_:][\\w:]*+)(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan", "atan2");

    private PromQl() {
    }

    static Set<String> metricNames(String expr) {
        String bare = expr;
        for (Pattern drop : new Pattern[] {STRING, MATCHERS, RANGE, LABEL_LIST}) {
            bare = drop.matcher(bare).replaceAll(" ");
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAME.matcher(bare);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
