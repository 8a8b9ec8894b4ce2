package ke.invoiceiq.domain.invoice;

import java.time.Instant;
import java.util.Objects;

/**
 * One sum paid for an invoice that did not come through M-PESA Express: cash, a bank transfer, or anything else
 * the merchant received themselves and recorded (from chat or the API) with a note. An invoice keeps every
 * recording; {@code amount} is what this one added, never more than the balance it had then, so M-PESA's payments
 * and the recordings together make the invoice PAID exactly when they reach its amount.
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
        if (amount.isZero()) {
            throw new IllegalArgumentException("a recording outside M-PESA adds more than zero");
        }
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
