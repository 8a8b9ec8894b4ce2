package ke.invoiceiq.domain.shared;

/** Small text helpers shared by the value objects. */
public final class Text {
    private Text() {
    }

    /** Trims and turns every run of whitespace (tabs, newlines, non-breaking spaces) into one space. */
    public static String squash(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip();
    }

    /** Length in code points, so an emoji counts once. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Cuts to at most {@code max} code points, never splitting a surrogate pair. */
    public static String truncate(String s, int max) {
        if (length(s) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max));
    }
}
