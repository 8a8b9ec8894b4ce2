package ke.invoiceiq.adapters.daraja.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallbackSourcePolicyTest {

    private static Optional<String> opt(String s) {
        return Optional.ofNullable(s);
    }

    @ParameterizedTest(name = "enabled={0} trustXff={1} peer={2} xff={3} → {4}")
    @CsvSource(nullValues = "-", value = {
        // off: everything passes
        "false, false, 10.0.0.1,          -,                                 true",
        "false, true,  10.0.0.1,          1.2.3.4,                           true",
        // on, peer address only
        "true,  false, 196.201.214.200,   -,                                 true",
        "true,  false, 10.0.0.1,          -,                                 false",
        "true,  false, ::ffff:196.201.212.69, -,                             true",
        // on, header not trusted: a forged header does not help
        "true,  false, 10.0.0.1,          196.201.214.200,                   false",
        "true,  false, 196.201.213.44,    1.2.3.4,                           true",
        // on, header trusted: first hop decides
        "true,  true,  10.0.0.1,          196.201.214.200,                   true",
        "true,  true,  10.0.0.1,          ' 196.201.212.138 , 10.0.0.2',     true",
        "true,  true,  196.201.214.200,   '1.2.3.4, 196.201.214.200',        false",
        "true,  true,  10.0.0.1,          1.2.3.4,                           false",
        // on, header trusted but absent or empty: the peer decides
        "true,  true,  196.201.212.74,    -,                                 true",
        "true,  true,  196.201.212.74,    '',                                true",
        "true,  true,  10.0.0.1,          -,                                 false",
        // no peer known and no header
        "true,  false, -,                 -,                                 false"})
    void decides(boolean enabled, boolean trustXff, String peer, String xff, boolean permitted) {
        var policy = new CallbackSourcePolicy(enabled, trustXff, CallbackSourcePolicy.SAFARICOM_CALLBACK_IPS);

        assertThat(policy.permits(opt(peer), opt(xff))).isEqualTo(permitted);
    }

    @Test
    void the_twelve_published_addresses() {
        assertThat(CallbackSourcePolicy.SAFARICOM_CALLBACK_IPS).hasSize(12).doesNotHaveDuplicates()
                .contains("196.201.214.200", "196.201.212.69")
                .doesNotContain("196.201.212.128", "196.201.212.132");
    }

    @Test
    void a_configured_list_replaces_the_published_one() {
        var policy = new CallbackSourcePolicy(true, false, java.util.List.of(" 127.0.0.1 "));

        assertThat(policy.permits(opt("127.0.0.1"), Optional.empty())).isTrue();
        assertThat(policy.permits(opt("196.201.214.200"), Optional.empty())).isFalse();
    }
}
