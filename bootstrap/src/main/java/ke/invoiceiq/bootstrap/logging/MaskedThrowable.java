package ke.invoiceiq.bootstrap.logging;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A copy of a logged exception with every phone number in its text masked ({@link PhoneNumbers}): its message and
 * {@link #toString()}, those of its causes and of everything suppressed, recursively. The stack traces are the
 * original's, frame for frame; no stack is captured for the copy itself.
 *
 * <p>The formatters see only what a {@code Throwable} exposes: the plain pattern's {@code %e} prints
 * {@link #toString()}, which reads as the original did ({@code java.lang.IllegalStateException: … 2547****5678});
 * the JSON formatter writes the class name and {@link #getMessage()}, so there the type is this class and the
 * message begins with the original type's name. The copy is only made when the original's text has a number to mask
 * ({@link #maskIfNeeded}), so every other exception reaches the logs as it was thrown.
 */
final class MaskedThrowable extends Throwable {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final String message;
    private MaskedThrowable cause;

    private MaskedThrowable(Throwable original) {
        super(null, null, true, true);
        this.text = PhoneNumbers.mask(String.valueOf(original));
        String originalMessage = PhoneNumbers.mask(original.getMessage());
        this.message = original.getClass().getName() + (originalMessage == null ? "" : ": " + originalMessage);
        setStackTrace(original.getStackTrace());
    }

    /**
     * {@code thrown} itself when nothing in it, its causes or its suppressed exceptions has a phone number; else a
     * masked copy of all of it.
     */
    static Throwable maskIfNeeded(Throwable thrown) {
        if (thrown == null || !hasNumber(thrown, new IdentityHashMap<>())) {
            return thrown;
        }
        return copy(thrown, new IdentityHashMap<>());
    }

    private static boolean hasNumber(Throwable t, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return false;
        }
        if (changes(t.getMessage()) || changes(String.valueOf(t)) || hasNumber(t.getCause(), seen)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (hasNumber(suppressed, seen)) {
                return true;
            }
        }
        return false;
    }

    private static boolean changes(String text) {
        return !Objects.equals(text, PhoneNumbers.mask(text));
    }

    /** One copy per original, so a cause that is also suppressed somewhere, or a cycle, is copied once. */
    private static MaskedThrowable copy(Throwable original, Map<Throwable, MaskedThrowable> copies) {
        MaskedThrowable existing = copies.get(original);
        if (existing != null) {
            return existing;
        }
        MaskedThrowable copy = new MaskedThrowable(original);
        copies.put(original, copy);
        if (original.getCause() != null) {
            copy.cause = copy(original.getCause(), copies);
        }
        for (Throwable suppressed : original.getSuppressed()) {
            copy.addSuppressed(copy(suppressed, copies));
        }
        return copy;
    }

    /** The original type's name, then its masked message. */
    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public synchronized Throwable getCause() {
        return cause;
    }

    /** What the original printed, masked: the first line of a stack trace in the plain format. */
    @Override
    public String toString() {
        return text;
    }

    /** The stack trace is the original's ({@link #setStackTrace}); none is captured here. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
