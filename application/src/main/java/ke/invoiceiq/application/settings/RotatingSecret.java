package ke.invoiceiq.application.settings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A credential a caller must present (an API key, a callback token, a webhook secret) that can be changed without
 * an outage: the current value and, while it is being changed, the next one, both accepted (docs/RUNBOOK.md,
 * "Rotating secrets"). Anything else is refused; with neither value set, everything is.
 *
 * <p>Every check runs against each accepted value, with no early exit once one matched, and compares SHA-256
 * digests with {@link MessageDigest#isEqual}: the time taken depends neither on which value matched, nor on where
 * a wrong value differs, nor on its length. It never prints ({@link #toString()} is a mask).
 */
public final class RotatingSecret {

    private static final String MASK = "RotatingSecret[***]";

    /** Current first, then next; blank values left out. */
    private final List<String> accepted;
    private final List<byte[]> digests;

    private RotatingSecret(List<String> accepted) {
        this.accepted = List.copyOf(accepted);
        this.digests = this.accepted.stream().map(RotatingSecret::sha256).toList();
    }

    /** The current value and the next one, either possibly absent; a blank value counts as absent. */
    public static RotatingSecret of(Optional<String> current, Optional<String> next) {
        return new RotatingSecret(Stream.of(current, next)
                .flatMap(Optional::stream)
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .distinct()
                .toList());
    }

    /** Nothing configured: every check fails. */
    public static RotatingSecret none() {
        return new RotatingSecret(List.of());
    }

    /** Whether any value is set; without one, every check fails. */
    public boolean configured() {
        return !accepted.isEmpty();
    }

    /** Whether {@code presented} is one of the accepted values. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] digest = sha256(presented);
        boolean matched = false;
        for (byte[] expected : digests) {
            matched |= MessageDigest.isEqual(expected, digest);
        }
        return matched;
    }

    /**
     * Whether {@code check} holds for one of the accepted values (as UTF-8 bytes); it is run for every value, for a
     * secret that is not compared but used as a key, such as the HMAC key of a signature. The check itself must
     * compare in constant time.
     */
    public boolean anyAccepts(Predicate<byte[]> check) {
        boolean accepts = false;
        for (String value : accepted) {
            accepts |= check.test(value.getBytes(StandardCharsets.UTF_8));
        }
        return accepts;
    }

    /** A mask; never a value. */
    @Override
    public String toString() {
        return MASK;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
