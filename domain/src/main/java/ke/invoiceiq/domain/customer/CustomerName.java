package ke.invoiceiq.domain.customer;

import java.util.Optional;
import ke.invoiceiq.domain.shared.Field;
import ke.invoiceiq.domain.shared.Parsed;
import ke.invoiceiq.domain.shared.Text;

/**
 * An optional label for a customer: trimmed, 2–60 characters. {@link #parseOptional}, which every entry path uses,
 * also refuses hidden formatting ({@link Text#hasHiddenFormatting}): the name is shown on the customer's invoice.
 * The constructor checks the length only, so that a name stored before that rule can still be read.
 */
public record CustomerName(String value) {

    public static final int MIN = 2;
    public static final int MAX = 60;
    public static final String EXPECTED = "Name is too short/long. Please enter 2–60 characters, or send '-' to skip.";
    public static final String HIDDEN_FORMATTING = "Name contains hidden characters that can change how it reads"
            + " (such as text direction marks). Please type it again without them, or send '-' to skip.";

    public CustomerName {
        if (value == null) {
            throw new IllegalArgumentException("name is null");
        }
        value = Text.squash(value);
        int length = Text.length(value);
        if (length < MIN || length > MAX) {
            throw new IllegalArgumentException(EXPECTED);
        }
    }

    /** {@code -} or {@code skip} (any case) mean "no name": an empty Optional inside Ok. */
    public static Parsed<Optional<CustomerName>> parseOptional(String raw) {
        String s = Text.squash(raw);
        if (s.equals("-") || s.equalsIgnoreCase("skip")) {
            return Parsed.ok(Optional.empty());
        }
        if (Text.hasHiddenFormatting(s)) {
            return Parsed.rejected(Field.CUSTOMER_NAME, HIDDEN_FORMATTING);
        }
        int length = Text.length(s);
        if (length < MIN || length > MAX) {
            return Parsed.rejected(Field.CUSTOMER_NAME, EXPECTED);
        }
        return Parsed.ok(Optional.of(new CustomerName(s)));
    }

    /** Names are matched case-insensitively when a merchant invoices "John" instead of a number. */
    public boolean sameAs(String other) {
        return value.equalsIgnoreCase(Text.squash(other));
    }

    @Override
    public String toString() {
        return "CustomerName[***]";
    }
}
