package ke.invoiceiq.adapters.daraja.inbound;

import static io.restassured.RestAssured.given;
import static ke.invoiceiq.adapters.daraja.inbound.Callbacks.callback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The allowlist switched on behind one trusted proxy that appends to X-Forwarded-For. The tests connect from
 * 127.0.0.1, which is not a Safaricom address: only the last X-Forwarded-For entry, the one the proxy appended,
 * can let a callback in; whatever the caller put before it counts for nothing. (Fly-Client-IP and the peer address:
 * {@link StkCallbackFlyClientIpTest} and {@link StkCallbackPeerAddressTest}; every rule:
 * {@link CallbackSourcePolicyTest}.)
 */
@QuarkusTest
@TestProfile(AllowlistTestProfile.class)
class StkCallbackAllowlistTest {

    @Inject
    RecordingPaymentResults results;

    @BeforeEach
    void reset() {
        results.reset();
    }

    private static RequestSpecification request(String forwardedFor) {
        RequestSpecification spec = given().contentType("application/json").body(callback("success"));
        return forwardedFor == null ? spec : spec.header("X-Forwarded-For", forwardedFor);
    }

    @ParameterizedTest(name = "X-Forwarded-For: {0} → {1}")
    @CsvSource(nullValues = "-", value = {
        "196.201.214.200,              200",
        "196.201.212.69,               200",
        "'1.2.3.4, 196.201.214.200',   200",
        "'196.201.213.44, 10.0.0.7',   403",
        "196.201.212.128,              403",
        "'',                           403",
        "-,                            403"})
    void only_the_entry_the_proxy_appended_counts(String forwardedFor, int status) {
        request(forwardedFor).when().post("/payments/stk/callback/" + CallbackTestProfile.TOKEN)
                .then().statusCode(status);

        assertThat(results.recorded()).hasSize(status == 200 ? 1 : 0);
    }

    /** A caller sends "X-Forwarded-For: <a Safaricom address>"; the proxy appends the caller's real address. */
    @Test
    void givenASafaricomAddressPrependedByTheCaller_whenTheProxyAppendsTheRealOne_thenRefusedAndNothingRecorded() {
        request("196.201.214.200, 203.0.113.9").when().post("/payments/stk/callback/" + CallbackTestProfile.TOKEN)
                .then().statusCode(403).body(emptyString());

        assertThat(results.recorded()).isEmpty();
    }

    @Test
    void the_token_is_checked_before_the_source() {
        request("196.201.214.200").when().post("/payments/stk/callback/wrong")
                .then().statusCode(401).body(emptyString());
        request("1.2.3.4").when().post("/payments/stk/callback/wrong").then().statusCode(401);

        assertThat(results.recorded()).isEmpty();
    }
}
