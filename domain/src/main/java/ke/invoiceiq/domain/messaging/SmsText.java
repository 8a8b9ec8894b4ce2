package ke.invoiceiq.domain.messaging;

import java.text.Normalizer;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How long a text is as an SMS, and how to make it cheaper to send (docs/sms.md, docs/chat-flow.md "SMS").
 *
 * <p>A text made only of characters of the GSM 03.38 default alphabet (basic set plus extension table) goes as
 * GSM-7: 160 septets in a single SMS, 153 per segment once it has to be concatenated; the extension characters
 * {@code ^ { } \ [ ] ~ | €} and form feed take two septets each (escape + character). Any other character makes
 * the whole text go as UCS-2: 70 UTF-16 code units single, 67 per segment (an emoji is two units).
 *
 * <p>{@link #plain(String)} swaps the characters that have a plain GSM-7 equivalent (curly quotes, dashes,
 * ellipsis, odd spaces, accented Latin letters) and drops pictographs, so that text typed on a phone usually
 * stays GSM-7. {@link #shorten(String, int)} cuts a text at a word boundary and marks the cut with
 * {@value #ELLIPSIS}. Everything here is pure and static.
 */
public final class SmsText {

    /** Septets in a single GSM-7 SMS. */
    public static final int GSM7_SINGLE_LIMIT = 160;
    /** Septets per segment of a concatenated GSM-7 SMS (the rest of the 160 carries the segment header). */
    public static final int GSM7_SEGMENT_LIMIT = 153;
    /** UTF-16 code units in a single UCS-2 SMS. */
    public static final int UCS2_SINGLE_LIMIT = 70;
    /** UTF-16 code units per segment of a concatenated UCS-2 SMS. */
    public static final int UCS2_SEGMENT_LIMIT = 67;
    /** What {@link #shorten(String, int)} appends where it cut: three full stops, so GSM-7, one septet each. */
    public static final String ELLIPSIS = "...";

    /** How the SMS goes over the air, with its limits. */
    public enum Encoding {
        GSM_7(GSM7_SINGLE_LIMIT, GSM7_SEGMENT_LIMIT),
        UCS_2(UCS2_SINGLE_LIMIT, UCS2_SEGMENT_LIMIT);

        private final int singleLimit;
        private final int segmentLimit;

        Encoding(int singleLimit, int segmentLimit) {
            this.singleLimit = singleLimit;
            this.segmentLimit = segmentLimit;
        }

        /** Units that fit in one SMS sent on its own. */
        public int singleLimit() {
            return singleLimit;
        }

        /** Units per segment when the text needs more than one SMS. */
        public int segmentLimit() {
            return segmentLimit;
        }
    }

    /** GSM 03.38 basic character set, in table order (0x00–0x7F), without ESC (0x1B). */
    static final String BASIC_SET = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** GSM 03.38 extension table: each is sent as ESC + character, so it takes two septets. */
    static final String EXTENSION_SET = "\f^{}\\[~]|€";

    /**
     * Characters outside GSM-7 with a plain equivalent that {@link Normalizer} does not give: typography,
     * bullets and a few letters without a decomposition. Every replacement is GSM-7.
     */
    private static final Map<Integer, String> REPLACEMENTS = Map.ofEntries(
            // single quotes, apostrophes, primes, backtick and acute accent
            Map.entry(0x2018, "'"), Map.entry(0x2019, "'"), Map.entry(0x201A, "'"), Map.entry(0x201B, "'"),
            Map.entry(0x2032, "'"), Map.entry(0x02BC, "'"), Map.entry(0x0060, "'"), Map.entry(0x00B4, "'"),
            Map.entry(0x2039, "'"), Map.entry(0x203A, "'"),
            // double quotes, double primes, guillemets
            Map.entry(0x201C, "\""), Map.entry(0x201D, "\""), Map.entry(0x201E, "\""), Map.entry(0x201F, "\""),
            Map.entry(0x2033, "\""), Map.entry(0x00AB, "\""), Map.entry(0x00BB, "\""),
            // hyphens, dashes, minus sign
            Map.entry(0x2010, "-"), Map.entry(0x2011, "-"), Map.entry(0x2012, "-"), Map.entry(0x2013, "-"),
            Map.entry(0x2014, "-"), Map.entry(0x2015, "-"), Map.entry(0x2212, "-"),
            // bullets and middle dot, as a list dash
            Map.entry(0x2022, "-"), Map.entry(0x2023, "-"), Map.entry(0x2043, "-"), Map.entry(0x25E6, "-"),
            Map.entry(0x25CF, "-"), Map.entry(0x25AA, "-"), Map.entry(0x00B7, "-"),
            // ellipsis, arithmetic, arrows
            Map.entry(0x2026, "..."), Map.entry(0x00D7, "x"), Map.entry(0x00F7, "/"), Map.entry(0x2044, "/"),
            Map.entry(0x2215, "/"), Map.entry(0x00B1, "+/-"), Map.entry(0x2264, "<="), Map.entry(0x2265, ">="),
            Map.entry(0x2192, "->"), Map.entry(0x2190, "<-"), Map.entry(0x21D2, "=>"),
            // signs
            Map.entry(0x00A9, "(c)"), Map.entry(0x00AE, "(R)"),
            // Latin letters that have no canonical decomposition
            Map.entry(0x0141, "L"), Map.entry(0x0142, "l"), Map.entry(0x0110, "D"), Map.entry(0x0111, "d"),
            Map.entry(0x0152, "OE"), Map.entry(0x0153, "oe"), Map.entry(0x0131, "i"), Map.entry(0x00D0, "D"),
            Map.entry(0x00F0, "d"), Map.entry(0x00DE, "Th"), Map.entry(0x00FE, "th"));

    /** What {@link #shorten} takes off the end of the words it keeps, before adding the ellipsis. */
    private static final String TRAILING_PUNCTUATION = ",;:-.";

    /** Marks where a character was dropped, until the spaces around it are tidied. U+FFFF is never kept. */
    private static final char DROPPED = '\uFFFF';

    private SmsText() {
    }

    // ---- measuring -------------------------------------------------------------------------------------

    /** True for a character of the GSM 03.38 basic set or extension table. */
    public static boolean isGsm7(int codePoint) {
        return codePoint <= Character.MAX_VALUE
                && (BASIC_SET.indexOf(codePoint) >= 0 || EXTENSION_SET.indexOf(codePoint) >= 0);
    }

    /** True for a character of the extension table: sent as ESC + character, two septets. */
    public static boolean isGsm7Extension(int codePoint) {
        return codePoint <= Character.MAX_VALUE && EXTENSION_SET.indexOf(codePoint) >= 0;
    }

    /** True when every character of the text is in the GSM-7 alphabet, so it goes as GSM-7. */
    public static boolean isGsm7(String text) {
        Objects.requireNonNull(text, "text");
        for (int i = 0; i < text.length(); i++) {
            if (!isGsm7(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** GSM-7 when the text allows, UCS-2 otherwise. */
    public static Encoding encoding(String text) {
        return isGsm7(text) ? Encoding.GSM_7 : Encoding.UCS_2;
    }

    /**
     * The length that counts against the SMS limits: septets when the text is GSM-7 (extension characters
     * two each), otherwise UTF-16 code units (a character outside the BMP, such as most emoji, two).
     */
    public static int units(String text) {
        return units(text, encoding(text));
    }

    /**
     * The number of SMS the text is billed as: 1 while it fits the single limit of its encoding (an empty text
     * too), otherwise the number of concatenated segments. Segments are filled in order and, as handsets do,
     * an extension character's escape pair or a surrogate pair is never split across two segments; so the
     * count is {@code ceil(units / perSegment)}, or one more when such a pair straddles a segment boundary.
     */
    public static int segments(String text) {
        return segments(text, encoding(text));
    }

    /**
     * {@link #segments(String)} as if the text were sent in the given encoding: a GSM-7 text can be counted
     * as UCS-2 (as it would go when joined to a UCS-2 text), not the other way round.
     *
     * @throws IllegalArgumentException when asked for GSM-7 and the text has a character outside it
     */
    public static int segments(String text, Encoding encoding) {
        Objects.requireNonNull(encoding, "encoding");
        if (units(text, encoding) <= encoding.singleLimit()) {
            return 1;
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int cost = unitsOf(codePoint, encoding);
            if (used + cost > encoding.segmentLimit()) {
                segments++;
                used = 0;
            }
            used += cost;
            i += Character.charCount(codePoint);
        }
        return segments;
    }

    private static int units(String text, Encoding encoding) {
        Objects.requireNonNull(text, "text");
        if (encoding == Encoding.UCS_2) {
            return text.length();
        }
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += unitsOf(text.charAt(i), encoding);
        }
        return septets;
    }

    private static int unitsOf(int codePoint, Encoding encoding) {
        if (encoding == Encoding.UCS_2) {
            return Character.charCount(codePoint);
        }
        if (!isGsm7(codePoint)) {
            throw new IllegalArgumentException("not a GSM-7 character: U+%04X".formatted(codePoint));
        }
        return isGsm7Extension(codePoint) ? 2 : 1;
    }

    // ---- plain -----------------------------------------------------------------------------------------

    /**
     * The text with every character that has a plain GSM-7 equivalent replaced by it, so that it costs
     * GSM-7 rates where it can:
     * <ul>
     *   <li>curly and low quotes, primes, guillemets, backtick and acute accent → {@code '} or {@code "};</li>
     *   <li>hyphen, non-breaking hyphen, figure/en/em dash, horizontal bar, minus sign, bullets (• ‣ ⁃ ◦ ● ▪ ·)
     *       → {@code -}; ellipsis → {@code ...}; × → {@code x}; ÷ and fraction slashes → {@code /};
     *       → ← ⇒ ≤ ≥ ± © ® → {@code -> <- => <= >= +/- (c) (R)};</li>
     *   <li>no-break, narrow no-break and every other Unicode space, and tab → space; line and paragraph
     *       separators → line feed;</li>
     *   <li>letters outside GSM-7 whose compatibility decomposition without its accents is GSM-7 → that
     *       ({@code ç ê á í ó ú â ô ã õ ō ï} → base letter, ﬁ → fi, Ａ → A, 𝐁 → B, ™ → TM, ½ → 1/2, ² → 2), plus
     *       ł đ œ ı ð þ, which have no decomposition; accents on a GSM-7 letter are dropped the same way;</li>
     *   <li>pictographs and invisible characters are dropped: emoji and every other symbol of category So —
     *       including the check marks ✔ ✓ ✅ and ✗, whose meaning our copy always carries in words ("Paid ✔ —"
     *       becomes "Paid -") — skin-tone modifiers, variation selectors, keycap marks, format characters
     *       (zero-width joiner and non-joiner, zero-width space, BOM, soft hyphen, bidi marks, tags), private-use,
     *       unassigned and control characters other than line feed and carriage return. Where a dropped
     *       character leaves two spaces, one is kept; none at the start or end of a line, before
     *       {@code . , ! ? ; : )} or after {@code (}.</li>
     * </ul>
     * Everything else is kept as it is: GSM-7 characters untouched (so a GSM-7 text comes back unchanged), and
     * letters of other scripts (Arabic, Chinese, lower-case Greek…) and symbols with no plain equivalent stay,
     * the text then going as UCS-2 — costlier, but it says what the merchant wrote. The text is read in
     * Unicode NFC first (a decomposed "e" + accent is "é"). Idempotent: {@code plain(plain(x)).equals(plain(x))}.
     */
    public static String plain(String text) {
        Objects.requireNonNull(text, "text");
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        boolean afterDroppableBase = true; // a mark with no letter before it has nothing to sit on
        for (int i = 0; i < composed.length(); ) {
            int codePoint = composed.codePointAt(i);
            i += Character.charCount(codePoint);
            int type = Character.getType(codePoint);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
            if (mark) {
                // A mark on a GSM-7 letter (which cannot carry it) or on a dropped pictograph goes; variation
                // selectors and keycaps always go; a mark on a kept letter of another script stays.
                if (afterDroppableBase || isPresentationMark(codePoint)) {
                    out.append(DROPPED);
                } else {
                    out.appendCodePoint(codePoint);
                }
                continue;
            }
            String plain = plainOf(codePoint, type);
            if (plain == null) {
                out.appendCodePoint(codePoint);
                afterDroppableBase = false;
            } else {
                out.append(plain);
                afterDroppableBase = true;
            }
        }
        return Normalizer.normalize(tidyDropped(out), Normalizer.Form.NFC);
    }

    /** The plain replacement of one character: itself when GSM-7, DROPPED, or null to keep it as it is. */
    private static String plainOf(int codePoint, int type) {
        if (isGsm7(codePoint)) {
            return Character.toString(codePoint);
        }
        if (codePoint == '\t' || type == Character.SPACE_SEPARATOR) {
            return " ";
        }
        if (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return "\n";
        }
        String replacement = REPLACEMENTS.get(codePoint);
        if (replacement != null) {
            return replacement;
        }
        String folded = fold(codePoint);
        if (folded != null) {
            return folded;
        }
        if (isDroppable(codePoint, type)) {
            return String.valueOf(DROPPED);
        }
        return null;
    }

    /** The compatibility decomposition without marks, when that is GSM-7 and not blank; else null. */
    private static String fold(int codePoint) {
        String decomposed = Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int part = decomposed.codePointAt(i);
            i += Character.charCount(part);
            int type = Character.getType(part);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                continue;
            }
            String replacement = isGsm7(part) ? Character.toString(part) : REPLACEMENTS.get(part);
            if (replacement == null) {
                return null;
            }
            folded.append(replacement);
        }
        return folded.toString().isBlank() ? null : folded.toString();
    }

    private static boolean isDroppable(int codePoint, int type) {
        return type == Character.OTHER_SYMBOL
                || type == Character.FORMAT
                || type == Character.CONTROL
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED
                || type == Character.SURROGATE
                || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF); // emoji skin-tone modifiers (Sk)
    }

    /** Variation selectors and the combining keycap: they only say how to draw the character before. */
    private static boolean isPresentationMark(int codePoint) {
        return (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
                || (codePoint >= 0xE0100 && codePoint <= 0xE01EF)
                || Character.getType(codePoint) == Character.ENCLOSING_MARK;
    }

    /** Removes the DROPPED marks, leaving one space where they sat between spaced words, none at edges. */
    private static String tidyDropped(CharSequence marked) {
        StringBuilder out = new StringBuilder(marked.length());
        int n = marked.length();
        for (int i = 0; i < n; ) {
            char c = marked.charAt(i);
            if (c != DROPPED && c != ' ') {
                out.append(c);
                i++;
                continue;
            }
            int j = i;
            boolean dropped = false;
            boolean spaced = false;
            while (j < n && (marked.charAt(j) == DROPPED || marked.charAt(j) == ' ')) {
                dropped |= marked.charAt(j) == DROPPED;
                spaced |= marked.charAt(j) == ' ';
                j++;
            }
            if (!dropped) {
                out.append(marked, i, j);
            } else if (spaced && !startsLine(out) && !endsLine(marked, j)
                    && out.charAt(out.length() - 1) != '(' && ".,!?;:)".indexOf(marked.charAt(j)) < 0) {
                out.append(' ');
            }
            i = j;
        }
        return out.toString();
    }

    private static boolean startsLine(CharSequence out) {
        return out.isEmpty() || out.charAt(out.length() - 1) == '\n' || out.charAt(out.length() - 1) == '\r';
    }

    private static boolean endsLine(CharSequence text, int index) {
        return index == text.length() || text.charAt(index) == '\n' || text.charAt(index) == '\r';
    }

    // ---- shortening ------------------------------------------------------------------------------------

    /**
     * The text itself when {@code units(text) <= maxUnits}; otherwise the longest run of its leading whole
     * words, without trailing spaces and {@code , ; : - .}, followed by {@value #ELLIPSIS}, whose
     * {@link #units(String)} is at most {@code maxUnits}. Words are separated by whitespace and a word is never
     * split; when not even the first word fits with the ellipsis, the answer is {@code ""}, and the caller
     * decides what to say instead.
     *
     * @throws IllegalArgumentException when maxUnits is negative
     */
    public static String shorten(String text, int maxUnits) {
        if (maxUnits < 0) {
            throw new IllegalArgumentException("maxUnits must not be negative: " + maxUnits);
        }
        Objects.requireNonNull(text, "text");
        return units(text) <= maxUnits ? text : shorten(text, cut -> units(cut) <= maxUnits);
    }

    /**
     * The longest shortening of the text — its leading whole words, without trailing spaces and
     * {@code , ; : - .}, followed by {@value #ELLIPSIS} — that {@code fits} accepts, or {@code ""} when none
     * does. The full text is not offered to {@code fits}: callers check that first. For a caller whose limit
     * depends on more than the cut itself, such as the whole message it goes into.
     */
    public static String shorten(String text, Predicate<? super String> fits) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(fits, "fits");
        for (int end = text.length() - 1; end > 0; end--) {
            if (!isSpace(text.charAt(end)) || isSpace(text.charAt(end - 1))) {
                continue; // not the first whitespace after a word
            }
            String words = stripTail(text.substring(0, end));
            if (!words.isEmpty() && fits.test(words + ELLIPSIS)) {
                return words + ELLIPSIS;
            }
        }
        return "";
    }

    private static String stripTail(String words) {
        int end = words.length();
        while (end > 0 && (isSpace(words.charAt(end - 1))
                || TRAILING_PUNCTUATION.indexOf(words.charAt(end - 1)) >= 0)) {
            end--;
        }
        return words.substring(0, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
