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
 * The allowlist on with the default source, the TCP peer: headers that claim a Safaricom address change nothing for
 * a caller that is not one (the tests connect from 127.0.0.1).
 */
@QuarkusTest
@TestProfile(AllowlistTestProfile.Socket.class)
class StkCallbackPeerAddressTest {

    @Inject
    RecordingPaymentResults results;

    @BeforeEach
    void reset() {
        results.reset();
    }

    @Test
    void givenTheDefaultSource_whenHeadersClaimASafaricomAddress_thenThePeerDecidesAndTheCallbackIsRefused() {
        given().contentType("application/json").body(callback("success"))
                .header("X-Forwarded-For", "196.201.214.200").header("Fly-Client-IP", "196.201.214.200")
                .when().post("/payments/stk/callback/" + CallbackTestProfile.TOKEN).then().statusCode(403);

        assertThat(results.recorded()).isEmpty();
    }
}
