package ke.invoiceiq.adapters.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's {@code X-Hub-Signature-256} (docs/whatsapp.md): {@code sha256=} and the lowercase hex HMAC-SHA256 of the
 * exact bytes posted, keyed with the app secret. The sandbox signs what it posts, so the webhook checks it like any
 * delivery from Meta.
 */
final class WebhookSigner {

    static final String HEADER = "X-Hub-Signature-256";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSigner() {
    }

    static String signature(byte[] body, String appSecret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
