package ke.invoiceiq.domain.invoice;

import ke.invoiceiq.domain.shared.Field;
import ke.invoiceiq.domain.shared.Parsed;
import ke.invoiceiq.domain.shared.Text;

/**
 * What the invoice is for: 3–120 characters (code points, so an emoji counts once), whitespace squashed.
 * {@link #parse}, which every entry path uses (the chat's one-line command and guided flow, the REST API), also
 * refuses control characters and hidden formatting ({@link Text#hasHiddenFormatting}); the constructor checks the
 * length only, so that a description stored before a rule was added can still be read.
 */
public record Description(String value) {

    public static final int MIN = 3;
    public static final int MAX = 120;
    public static final String EXPECTED = "Please enter 3–120 characters.";
    public static final String HIDDEN_FORMATTING = "Description contains hidden characters that can change how it"
            + " reads (such as text direction marks). Please type it again without them.";

    public Description {
        if (value == null) {
            throw new IllegalArgumentException("description is null");
        }
        value = Text.squash(value);
        int length = Text.length(value);
        if (length < MIN || length > MAX) {
            throw new IllegalArgumentException(EXPECTED);
        }
    }

    public static Parsed<Description> parse(String raw) {
        String s = Text.squash(raw);
        if (s.chars().anyMatch(c -> Character.isISOControl(c))) {
            return Parsed.rejected(Field.DESCRIPTION, "Description contains control characters. " + EXPECTED);
        }
        if (Text.hasHiddenFormatting(s)) {
            return Parsed.rejected(Field.DESCRIPTION, HIDDEN_FORMATTING);
        }
        int length = Text.length(s);
        if (length < MIN) {
            return Parsed.rejected(Field.DESCRIPTION, "Description is too short. " + EXPECTED);
        }
        if (length > MAX) {
            return Parsed.rejected(Field.DESCRIPTION, "Description is too long (" + length + " characters). " + EXPECTED);
        }
        return Parsed.ok(new Description(s));
    }

    @Override
    public String toString() {
        return value;
    }
}
