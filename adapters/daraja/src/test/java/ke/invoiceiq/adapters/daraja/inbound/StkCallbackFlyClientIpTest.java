package ke.invoiceiq.adapters.daraja.inbound;

import static io.restassured.RestAssured.given;
import static ke.invoiceiq.adapters.daraja.inbound.Callbacks.callback;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The allowlist behind Fly.io's proxy ({@code mpesa.callback.client-address=fly-client-ip}): the address in
 * {@code Fly-Client-IP} decides; the peer (here 127.0.0.1, on Fly the proxy) and X-Forwarded-For do not.
 */
@QuarkusTest
@TestProfile(AllowlistTestProfile.FlyClientIp.class)
class StkCallbackFlyClientIpTest {

    private static final String CALLBACK = "/payments/stk/callback/" + CallbackTestProfile.TOKEN;

    @Inject
    RecordingPaymentResults results;

    @BeforeEach
    void reset() {
        results.reset();
    }

    @Test
    void givenFlyClientIpOnTheList_whenTheCallbackArrives_thenRecorded() {
        given().contentType("application/json").body(callback("success")).header("Fly-Client-IP", "196.201.214.200")
                .when().post(CALLBACK).then().statusCode(200);

        assertThat(results.recorded()).hasSize(1);
    }

    @Test
    void givenFlyClientIpOffTheList_whenXForwardedForClaimsASafaricomAddress_thenRefused() {
        given().contentType("application/json").body(callback("success")).header("Fly-Client-IP", "203.0.113.9")
                .header("X-Forwarded-For", "196.201.214.200").when().post(CALLBACK).then().statusCode(403);
        given().contentType("application/json").body(callback("success"))
                .header("X-Forwarded-For", "196.201.214.200").when().post(CALLBACK).then().statusCode(403);

        assertThat(results.recorded()).isEmpty();
    }
}
