package ke.invoiceiq.domain.invoice;

import java.time.Instant;
import java.util.Objects;

/**
 * Money for an invoice that did not come through M-PESA Express: cash, a bank transfer, or anything else the
 * merchant received themselves and an operator recorded with a note. {@code amount} is the balance the invoice
 * still had when it was recorded, so it is what makes the invoice PAID; what M-PESA had moved before stays with
 * its payments.
 */
public record PaidOutside(Method method, Money amount, String note, Instant at) {

    public static final int MIN_NOTE = 3;
    public static final int MAX_NOTE = 200;

    /** How the money came. The names are stored: never rename one. */
    public enum Method {
        CASH,
        BANK_TRANSFER,
        OTHER
    }

    public PaidOutside {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(at, "at");
        if (!isNote(note)) {
            throw new IllegalArgumentException("a note is " + MIN_NOTE + " to " + MAX_NOTE
                    + " characters, without control characters, and not blank at either end");
        }
    }

    /** Whether {@code raw} can be kept as the note: trimmed, {@value #MIN_NOTE}–{@value #MAX_NOTE} code points, no control characters. */
    public static boolean isNote(String raw) {
        if (raw == null || !raw.strip().equals(raw)) {
            return false;
        }
        int length = raw.codePointCount(0, raw.length());
        return length >= MIN_NOTE && length <= MAX_NOTE && raw.codePoints().noneMatch(Character::isISOControl);
    }
}
