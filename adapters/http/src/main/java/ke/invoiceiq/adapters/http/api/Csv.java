package ke.invoiceiq.adapters.http.api;

import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 4180 lines: fields separated by commas, every line ended by CRLF; a field holding a comma, a double quote, CR
 * or LF is quoted, its double quotes doubled. Guarded against formula injection (OWASP "CSV Injection"): a text
 * field a spreadsheet would read as a formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or
 * CR) gets a leading {@code '}, which spreadsheets show as text. Only free text (descriptions, names, notes) goes
 * through {@link #text}; numbers, ids and times the service writes itself go through {@link #plain} and are
 * never changed, so {@code -5.00} stays a number.
 */
final class Csv {

    static final String CRLF = "\r\n";

    private static final Pattern NEEDS_QUOTES = Pattern.compile("[,\"\r\n]");

    private Csv() {
    }

    /** A field of free text from a person: guarded, then quoted as needed. Null is an empty field. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return plain(formula ? "'" + value : value);
    }

    /** A field the service wrote itself (a number, an id, a time): quoted as needed, never changed. */
    static String plain(String value) {
        if (value == null) {
            return "";
        }
        return NEEDS_QUOTES.matcher(value).find() ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** One line of already-made fields, with its CRLF. */
    static String line(List<String> fields) {
        return String.join(",", fields) + CRLF;
    }
}
