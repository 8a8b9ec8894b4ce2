package ke.invoiceiq.adapters.http.pay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.payment.IdempotencyKey;

/**
 * The per-render nonce of the pay form and the idempotency key made of it. Every render of the page carries a
 * fresh nonce in a hidden field; pressing the button of that render twice (a double tap, a resent form) sends
 * the same nonce, so the same key, so one STK push. The key is {@code pay:<token digest>:<nonce>}: the token
 * itself is a secret and never becomes part of a stored key, only 96 bits of its SHA-256.
 *
 * <p>A nonce is trusted only in its own form (16–64 URL-safe characters); anything else (missing, too long,
 * other characters) is replaced by a fresh one, so such a request still works, as a request of its own.
 */
final class PayNonces {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final int NONCE_BYTES = 18;
    private static final int DIGEST_CHARS = 16;
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    /**
     * Made on first use, never in the static initialiser: a native image runs static initialisers while it is built,
     * and a {@link SecureRandom} made then would carry its build-time seed into every running copy (GraalVM refuses
     * to build it: "Detected an instance of Random/SplittableRandom class in the image heap").
     */
    private static volatile SecureRandom secureRandom;

    private PayNonces() {
    }

    /** 24 URL-safe characters, 144 random bits. */
    static String fresh() {
        byte[] bytes = new byte[NONCE_BYTES];
        random().nextBytes(bytes);
        return URL_SAFE.encodeToString(bytes);
    }

    private static SecureRandom random() {
        SecureRandom r = secureRandom;
        if (r == null) {
            synchronized (PayNonces.class) {
                r = secureRandom;
                if (r == null) {
                    r = new SecureRandom();
                    secureRandom = r;
                }
            }
        }
        return r;
    }

    static boolean isValid(String nonce) {
        return nonce != null && FORM.matcher(nonce).matches();
    }

    /** {@code nonce} when it is well-formed, otherwise a fresh one. */
    static String validOrFresh(String nonce) {
        return isValid(nonce) ? nonce : fresh();
    }

    static IdempotencyKey key(PayToken token, String nonce) {
        if (!isValid(nonce)) {
            throw new IllegalArgumentException("not a pay form nonce");
        }
        return new IdempotencyKey("pay:" + digest(token) + ":" + nonce);
    }

    private static String digest(PayToken token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.value().getBytes(StandardCharsets.US_ASCII));
            return URL_SAFE.encodeToString(hash).substring(0, DIGEST_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
