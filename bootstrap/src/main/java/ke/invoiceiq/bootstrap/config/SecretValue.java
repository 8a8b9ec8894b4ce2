package ke.invoiceiq.bootstrap.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential read from the configuration: a token, key, passkey or secret. It never prints ({@link #toString()}
 * is a mask), so a mapping, an exception or a log line that includes it shows nothing; the value comes out only
 * through {@link #reveal()}, at the one place that sends it to a provider, or is compared through
 * {@link #matches(String)}, in constant time.
 *
 * <p>SmallRye converts configuration values to it through {@link #of(String)}. (SmallRye's own
 * {@code io.smallrye.config.Secret} is not used: as {@code Optional<Secret<String>>} it is present even when the
 * variable is not set.)
 */
public final class SecretValue {

    private static final String MASK = "SecretValue[***]";

    private final String value;

    private SecretValue(String value) {
        this.value = value;
    }

    /** Wraps a configured value. */
    public static SecretValue of(String value) {
        Objects.requireNonNull(value, "value");
        return new SecretValue(value);
    }

    /** The value itself, for the request that needs it. Never log it. */
    public String reveal() {
        return value;
    }

    /**
     * Whether a value received from outside (a webhook's verify token, the token in a callback path) equals this
     * one, in time that does not depend on where they differ.
     */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** A mask; never the value. */
    @Override
    public String toString() {
        return MASK;
    }
}
