package ke.invoiceiq.adapters.whatsapp.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import ke.invoiceiq.application.settings.RotatingSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code X-Hub-Signature-256} (docs/whatsapp.md). */
class WebhookSignatureTest {

    private static final String SECRET = "app-secret";
    private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void givenKnownKeyAndBody_whenSigned_thenMatchesTheRfc4231StyleReference() {
        // HMAC-SHA256(key "key", "The quick brown fox jumps over the lazy dog"), a widely published reference value
        assertThat(WebhookSignature.headerValue(
                "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII), "key"))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    static Stream<Arguments> headers() {
        String good = WebhookSignature.headerValue(BODY, SECRET);
        String hex = good.substring("sha256=".length());
        String flipped = "sha256=" + (hex.charAt(0) == '0' ? '1' : '0') + hex.substring(1);
        return Stream.of(
                Arguments.of("the right signature", Optional.of(good), Optional.of(SECRET), true),
                Arguments.of("upper-case hex", Optional.of("sha256=" + hex.toUpperCase(Locale.ROOT)),
                        Optional.of(SECRET), true),
                Arguments.of("upper-case prefix", Optional.of("SHA256=" + hex), Optional.of(SECRET), true),
                Arguments.of("surrounding blanks", Optional.of(" " + good + " "), Optional.of(SECRET), true),
                Arguments.of("one hex digit changed", Optional.of(flipped), Optional.of(SECRET), false),
                Arguments.of("no header", Optional.empty(), Optional.of(SECRET), false),
                Arguments.of("empty header", Optional.of(""), Optional.of(SECRET), false),
                Arguments.of("hex without prefix", Optional.of(hex), Optional.of(SECRET), false),
                Arguments.of("sha1 prefix", Optional.of("sha1=" + hex), Optional.of(SECRET), false),
                Arguments.of("truncated", Optional.of(good.substring(0, good.length() - 2)), Optional.of(SECRET),
                        false),
                Arguments.of("not hex", Optional.of("sha256=" + "zz".repeat(32)), Optional.of(SECRET), false),
                Arguments.of("another secret's signature", Optional.of(WebhookSignature.headerValue(BODY, "other")),
                        Optional.of(SECRET), false),
                Arguments.of("no secret configured", Optional.of(good), Optional.empty(), false),
                Arguments.of("empty secret configured", Optional.of(WebhookSignature.headerValue(BODY, "x")),
                        Optional.of(""), false));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("headers")
    void givenHeaderAndSecret_whenChecked_thenValidOnlyForTheRightMac(String label, Optional<String> header,
            Optional<String> secret, boolean valid) {
        assertThat(WebhookSignature.isValid(BODY, header, RotatingSecret.of(secret, Optional.empty())))
                .isEqualTo(valid);
    }

    @Test
    void givenSignatureOfTheBody_whenOneByteOfTheBodyChanges_thenInvalid() {
        String header = WebhookSignature.headerValue(BODY, SECRET);
        byte[] changed = BODY.clone();
        changed[changed.length - 2] = ' ';

        assertThat(WebhookSignature.isValid(changed, Optional.of(header), RotatingSecret.of(Optional.of(SECRET),
                Optional.empty()))).isFalse();
    }

    @Test
    void givenACurrentAndANextSecret_whenSignedWithEither_thenValidAndSignedWithAThirdInvalid() {
        RotatingSecret both = RotatingSecret.of(Optional.of(SECRET), Optional.of("next-app-secret"));

        assertThat(WebhookSignature.isValid(BODY, Optional.of(WebhookSignature.headerValue(BODY, SECRET)), both))
                .isTrue();
        assertThat(WebhookSignature.isValid(BODY,
                Optional.of(WebhookSignature.headerValue(BODY, "next-app-secret")), both)).isTrue();
        assertThat(WebhookSignature.isValid(BODY,
                Optional.of(WebhookSignature.headerValue(BODY, "previous-app-secret")), both)).isFalse();
    }
}
