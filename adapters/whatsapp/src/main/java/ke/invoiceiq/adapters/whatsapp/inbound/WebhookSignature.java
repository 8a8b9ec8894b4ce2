package ke.invoiceiq.adapters.whatsapp.inbound;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import ke.invoiceiq.application.settings.RotatingSecret;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's {@code X-Hub-Signature-256} check (docs/whatsapp.md): {@code sha256=} followed by the hex HMAC-SHA256 of
 * the raw request bytes, keyed with the app secret. While the app secret is being changed (docs/RUNBOOK.md,
 * "Rotating secrets") there are two: the MAC is computed with each ({@link RotatingSecret#anyAccepts}, which runs
 * every check) and each compared as bytes in constant time ({@link MessageDigest#isEqual}), so the time taken does
 * not tell which secret signed. Hex in either case is accepted. Nothing here logs or throws for bad input.
 */
final class WebhookSignature {

    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_HEX_LENGTH = 64;

    private WebhookSignature() {
    }

    /**
     * True only when a secret is configured, the header is present and well formed, and the MAC under one of the
     * secrets (current or next) matches.
     */
    static boolean isValid(byte[] rawBody, Optional<String> header, RotatingSecret appSecrets) {
        if (!appSecrets.configured() || header.isEmpty()) {
            return false;
        }
        String value = header.get().strip();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                || value.length() != PREFIX.length() + MAC_HEX_LENGTH) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value, PREFIX.length(), value.length());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return appSecrets.anyAccepts(secret -> MessageDigest.isEqual(hmac(rawBody, secret), given));
    }

    /** {@code sha256=<lowercase hex>} of {@code rawBody}: what Meta sends, and what tests sign with. */
    static String headerValue(byte[] rawBody, String appSecret) {
        return PREFIX + HexFormat.of().formatHex(hmac(rawBody, appSecret.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] rawBody, byte[] secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(rawBody);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
