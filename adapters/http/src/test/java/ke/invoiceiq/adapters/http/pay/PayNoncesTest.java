package ke.invoiceiq.adapters.http.pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PayNoncesTest {

    private static final PayToken TOKEN = new PayToken("q7Zk3vN0aR5tY8wB2cD4eF6gH");

    @Test
    void freshNoncesAreWellFormedAndDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String nonce = PayNonces.fresh();
            assertThat(PayNonces.isValid(nonce)).isTrue();
            assertThat(nonce).hasSize(24);
            seen.add(nonce);
        }
        assertThat(seen).hasSize(1_000);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"fifteen-chars-x", "has space in the middle", "dots.are.not.allowed.here",
            "ÄÖÜäöüßÄÖÜäöüßÄÖÜäöüß", "<script>alert(1)</script>"})
    void aMalformedNonceIsReplacedByAFreshOne(String nonce) {
        String used = PayNonces.validOrFresh(nonce);

        assertThat(used).isNotEqualTo(nonce);
        assertThat(PayNonces.isValid(used)).isTrue();
    }

    @Test
    void aNonceOf65CharactersIsTooLong() {
        assertThat(PayNonces.isValid("a".repeat(64))).isTrue();
        assertThat(PayNonces.isValid("a".repeat(65))).isFalse();
        assertThat(PayNonces.isValid("a".repeat(16))).isTrue();
    }

    @Test
    void theKeyIsPerTokenAndNonceAndHoldsNoToken() {
        String nonce = PayNonces.fresh();
        IdempotencyKey key = PayNonces.key(TOKEN, nonce);

        assertThat(key).isEqualTo(PayNonces.key(TOKEN, nonce));
        assertThat(key.value()).matches("pay:[A-Za-z0-9_-]{16}:" + nonce).doesNotContain(TOKEN.value());
        assertThat(PayNonces.key(new PayToken("AAAAAAAAAAAAAAAAAAAAAAAAAAA"), nonce)).isNotEqualTo(key);
        assertThat(PayNonces.key(TOKEN, PayNonces.fresh())).isNotEqualTo(key);
        assertThat(PayNonces.key(TOKEN, "z".repeat(64)).value().length()).isLessThanOrEqualTo(IdempotencyKey.MAX);
        assertThatThrownBy(() -> PayNonces.key(TOKEN, "bad")).isInstanceOf(IllegalArgumentException.class);
    }
}
