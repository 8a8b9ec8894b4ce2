package ke.invoiceiq.adapters.africastalking.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The secret at the end of the callback URLs ({@code sms.callback-token}). Africa's Talking neither signs its
 * callbacks nor publishes its source addresses (docs/sms.md), so this token is the authentication. Compared
 * in constant time on UTF-8 bytes; with no token configured nothing matches.
 */
final class CallbackToken {

    private final Optional<byte[]> expected;

    CallbackToken(Optional<String> configured) {
        this.expected = configured.map(String::strip).filter(t -> !t.isEmpty())
                .map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    boolean configured() {
        return expected.isPresent();
    }

    boolean matches(String presented) {
        if (expected.isEmpty() || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.get(), presented.getBytes(StandardCharsets.UTF_8));
    }
}
