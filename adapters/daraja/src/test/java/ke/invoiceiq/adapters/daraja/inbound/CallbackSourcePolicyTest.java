package ke.invoiceiq.adapters.daraja.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import ke.invoiceiq.adapters.daraja.inbound.CallbackSourcePolicy.ClientAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallbackSourcePolicyTest {

    private static Optional<String> opt(String s) {
        return Optional.ofNullable(s);
    }

    /** Request headers: each header's lines separated by '|'; null for an absent header. */
    private static Function<String, List<String>> headers(String flyClientIp, String forwardedFor) {
        Map<String, String> all = new HashMap<>();
        all.put(CallbackSourcePolicy.FLY_CLIENT_IP, flyClientIp);
        all.put(CallbackSourcePolicy.FORWARDED_FOR, forwardedFor);
        return name -> all.get(name) == null ? List.of() : Arrays.asList(all.get(name).split("\\|", -1));
    }

    @ParameterizedTest(name = "enabled={0} from={1} hops={2} peer={3} fly={4} xff={5} → {6}")
    @CsvSource(nullValues = "-", value = {
        // off: everything passes
        "false, socket,          1, 10.0.0.1,             -,               -,                              true",
        "false, x-forwarded-for, 1, 10.0.0.1,             -,               1.2.3.4,                        true",
        // the socket (the default): the peer decides, the headers are never read
        "true,  socket,          1, 196.201.214.200,      -,               -,                              true",
        "true,  socket,          1, 10.0.0.1,             -,               -,                              false",
        "true,  socket,          1, ::ffff:196.201.212.69, -,              -,                              true",
        "true,  socket,          1, 10.0.0.1,             196.201.214.200, 196.201.214.200,                false",
        "true,  socket,          1, 196.201.213.44,       1.2.3.4,         1.2.3.4,                        true",
        "true,  socket,          1, -,                    -,               -,                              false",
        // Fly-Client-IP: the header Fly's proxy sets decides, the peer (the proxy) and X-Forwarded-For do not
        "true,  fly-client-ip,   1, 10.0.0.1,             196.201.214.200, 1.2.3.4,                        true",
        "true,  fly-client-ip,   1, 10.0.0.1,             ' 196.201.212.138 ', -,                          true",
        "true,  fly-client-ip,   1, 196.201.214.200,      1.2.3.4,         196.201.214.200,                false",
        "true,  fly-client-ip,   1, 196.201.214.200,      -,               196.201.214.200,                false",
        "true,  fly-client-ip,   1, 10.0.0.1,             '',              -,                              false",
        "true,  fly-client-ip,   1, 10.0.0.1,             196.201.214.200|196.201.214.200, -,              false",
        // X-Forwarded-For behind one proxy: the last entry, the one the proxy appended
        "true,  x-forwarded-for, 1, 10.0.0.1,             -,               196.201.214.200,                true",
        "true,  x-forwarded-for, 1, 10.0.0.1,             -,               '1.2.3.4, 196.201.212.138',     true",
        "true,  x-forwarded-for, 1, 10.0.0.1,             -,               '196.201.214.200, 1.2.3.4',     false",
        "true,  x-forwarded-for, 1, 10.0.0.1,             -,               196.201.214.200|1.2.3.4,        false",
        "true,  x-forwarded-for, 1, 10.0.0.1,             -,               1.2.3.4|196.201.214.200,        true",
        "true,  x-forwarded-for, 1, 10.0.0.1,             -,               '196.201.214.200, ',            false",
        "true,  x-forwarded-for, 1, 10.0.0.1,             196.201.214.200, 1.2.3.4,                        false",
        // absent or empty: nothing trustworthy, whatever the peer is
        "true,  x-forwarded-for, 1, 196.201.212.74,       -,               -,                              false",
        "true,  x-forwarded-for, 1, 196.201.212.74,       -,               '',                             false",
        // behind two proxies: the second entry from the right; the client's own entries never count
        "true,  x-forwarded-for, 2, 10.0.0.1,             -,               '196.201.213.44, 10.0.0.7',     true",
        "true,  x-forwarded-for, 2, 10.0.0.1,             -,               '196.201.213.44, 1.2.3.4, 10.0.0.7', false",
        "true,  x-forwarded-for, 2, 10.0.0.1,             -,               196.201.213.44,                 false"})
    void decides(boolean enabled, String from, int hops, String peer, String fly, String xff, boolean permitted) {
        var policy = new CallbackSourcePolicy(enabled, ClientAddress.parse(from), hops,
                CallbackSourcePolicy.SAFARICOM_CALLBACK_IPS);

        assertThat(policy.permits(opt(peer), headers(fly, xff))).isEqualTo(permitted);
    }

    @Test
    void the_twelve_published_addresses() {
        assertThat(CallbackSourcePolicy.SAFARICOM_CALLBACK_IPS).hasSize(12).doesNotHaveDuplicates()
                .contains("196.201.214.200", "196.201.212.69")
                .doesNotContain("196.201.212.128", "196.201.212.132");
    }

    @Test
    void a_configured_list_replaces_the_published_one() {
        var policy = new CallbackSourcePolicy(true, ClientAddress.SOCKET, 1, List.of(" 127.0.0.1 "));

        assertThat(policy.permits(opt("127.0.0.1"), headers(null, null))).isTrue();
        assertThat(policy.permits(opt("196.201.214.200"), headers(null, null))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "-,                false, SOCKET",
        "'',               false, SOCKET",
        "-,                true,  X_FORWARDED_FOR",
        "fly-client-ip,    true,  FLY_CLIENT_IP",
        "' Socket ',       true,  SOCKET",
        "X-Forwarded-For,  false, X_FORWARDED_FOR"})
    void givenTheSettings_whenReadingWhereTheAddressComesFrom_thenTheNewSettingWinsOverTheOldSwitch(
            String value, boolean trustForwardedFor, ClientAddress expected) {
        assertThat(ClientAddress.configured(opt(value), trustForwardedFor)).isEqualTo(expected);
    }

    @Test
    void givenAnUnknownSourceOrNoTrustedHop_whenBuilt_thenRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> ClientAddress.parse("forwarded"))
                .hasMessageContaining("mpesa.callback.client-address");
        assertThatThrownBy(() -> new CallbackSourcePolicy(true, ClientAddress.X_FORWARDED_FOR, 0, List.of()))
                .hasMessageContaining("mpesa.callback.trusted-proxy-hops");
    }
}
