package ke.invoiceiq.domain.invoice;

import ke.invoiceiq.domain.shared.Field;
import ke.invoiceiq.domain.shared.Parsed;
import ke.invoiceiq.domain.shared.Text;

/** What the invoice is for: 3–120 characters (code points, so an emoji counts once), whitespace squashed. */
public record Description(String value) {

    public static final int MIN = 3;
    public static final int MAX = 120;
    public static final String EXPECTED = "Please enter 3–120 characters.";

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
