package ke.invoiceiq.domain.payment;

import ke.invoiceiq.domain.shared.Field;
import ke.invoiceiq.domain.shared.Parsed;

/** The caller's promise that two requests with the same key mean one payment attempt. */
public record IdempotencyKey(String value) {

    public static final int MAX = 200;
    public static final String EXPECTED = "Idempotency-Key must be 1–200 visible ASCII characters.";

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException(EXPECTED);
        }
    }

    public static Parsed<IdempotencyKey> parse(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty() || s.length() > MAX || !s.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            return Parsed.rejected(Field.IDEMPOTENCY_KEY, EXPECTED);
        }
        return Parsed.ok(new IdempotencyKey(s));
    }
}
