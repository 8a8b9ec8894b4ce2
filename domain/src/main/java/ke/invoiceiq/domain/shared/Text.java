package ke.invoiceiq.domain.shared;

/** Small text helpers shared by the value objects. */
public final class Text {

    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int EMOJI_PRESENTATION = 0xFE0F;

    private Text() {
    }

    /**
     * True when {@code s} holds an invisible format character (Unicode general category Cf) that could make it read
     * differently from what it says: the bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
     * U+061C) can move an amount or an invoice number around on the reader's screen, and zero-width characters,
     * the soft hyphen, U+FEFF and the tag characters (U+E0000 block) hide text or make two texts that look the same
     * differ.
     *
     * <p>One use is allowed: a zero-width joiner (U+200D) between two emoji, as in 👨‍👩‍👧, 👩🏽‍💻 or 🏳️‍🌈. There it
     * only joins pictographs into one picture; it cannot reorder or hide letters or digits, and refusing it would
     * refuse emoji that phones send every day. Anywhere else (between letters or digits) it is invisible and serves
     * no purpose in the Latin-script text our merchants write, so it is refused like the others. Emoji tag sequences
     * (the England, Scotland and Wales flags) are refused with the tag characters: the same characters can carry
     * invisible text.
     */
    public static boolean hasHiddenFormatting(String s) {
        if (s == null) {
            return false;
        }
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            if (Character.getType(cps[i]) == Character.FORMAT && !joinsTwoEmoji(cps, i)) {
                return true;
            }
        }
        return false;
    }

    /** A zero-width joiner after an emoji (or its skin tone or emoji presentation selector) and before another. */
    private static boolean joinsTwoEmoji(int[] cps, int i) {
        if (cps[i] != ZERO_WIDTH_JOINER || i == 0 || i == cps.length - 1) {
            return false;
        }
        int before = cps[i - 1];
        boolean afterEmoji = Character.isExtendedPictographic(before) || Character.isEmojiModifier(before)
                || before == EMOJI_PRESENTATION;
        return afterEmoji && Character.isExtendedPictographic(cps[i + 1]);
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
