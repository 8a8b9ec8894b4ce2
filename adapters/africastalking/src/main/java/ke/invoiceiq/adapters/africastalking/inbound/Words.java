package ke.invoiceiq.adapters.africastalking.inbound;

import java.util.Optional;

/**
 * Short words from a callback (a status, a failure reason, a message id) made safe to log and keep: letters, digits,
 * {@code _} and {@code -} only, at most {@value #MAX_LENGTH} characters. Callbacks are unsigned, so whatever they
 * carry could be an attempt at log injection.
 */
final class Words {

    static final int MAX_LENGTH = 64;

    private Words() {
    }

    static Optional<String> clean(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.replaceAll("[^A-Za-z0-9_-]", "");
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH);
        }
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** {@link #clean} for a log line: {@code -} when nothing is left. */
    static String forLog(String raw) {
        return clean(raw).orElse("-");
    }
}
