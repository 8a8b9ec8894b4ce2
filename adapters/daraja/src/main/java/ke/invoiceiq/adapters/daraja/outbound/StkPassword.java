package ke.invoiceiq.adapters.daraja.outbound;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/** Daraja's {@code Timestamp} and {@code Password} (docs/daraja.md). The result is a secret: never log it. */
final class StkPassword {

    static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(NAIROBI);

    private StkPassword() {
    }

    /** {@code yyyyMMddHHmmss} in Africa/Nairobi (EAT). */
    static String timestamp(Instant at) {
        return TIMESTAMP.format(at);
    }

    /** {@code base64(shortcode + passkey + timestamp)}. */
    static String password(String shortcode, String passkey, String timestamp) {
        return Base64.getEncoder().encodeToString((shortcode + passkey + timestamp).getBytes(StandardCharsets.UTF_8));
    }
}
