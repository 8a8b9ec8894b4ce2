package ke.invoiceiq.domain.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which API key did something, without the key: the first 12 hex digits (48 bits) of the SHA-256 of the key, as the
 * driving adapter computes it. Enough to tell a current key from the next one, or an old one from its replacement;
 * far too little to find the key from (and a key is long and random, so guessing is no shortcut either).
 */
public record KeyFingerprint(String value) {

    public static final int LENGTH = 12;

    private static final Pattern FORM = Pattern.compile("[0-9a-f]{" + LENGTH + "}");

    public KeyFingerprint {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a key fingerprint is " + LENGTH + " lowercase hex digits");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
