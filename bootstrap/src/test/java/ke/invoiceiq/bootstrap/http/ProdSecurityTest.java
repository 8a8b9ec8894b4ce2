package ke.invoiceiq.bootstrap.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import ke.invoiceiq.bootstrap.http.ManagementInterfaceProdTest.Prod;
import ke.invoiceiq.bootstrap.testing.Database;
import ke.invoiceiq.bootstrap.testing.ProviderTraffic;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The prod profile in the middle of a rotation (docs/RUNBOOK.md §5) and behind one proxy: every secret a caller
 * presents is accepted in its current and its next value and refused in a third, through the real endpoints, and the
 * M-PESA callback allowlist reads the address the proxy appended to {@code X-Forwarded-For}, so a Safaricom address
 * the caller writes in front of it gets nothing in. What was accepted was also stored, so a 200 is no empty answer.
 */
@QuarkusTest
@TestProfile(Prod.class)
class ProdSecurityTest {

    private static final String THIRD = "a-third-value-that-was-never-configured";
    /** One of Safaricom's published callback addresses, the production allowlist's default. */
    private static final String SAFARICOM = "196.201.214.200";
    private static final String CALLER = "203.0.113.9";

    @Inject
    Database db;

    @ParameterizedTest
    @ValueSource(strings = {Prod.ADMIN_KEY, Prod.NEXT_ADMIN_KEY, THIRD})
    void givenProdMidRotation_whenTheApiIsCalledWithAnAdminKey_thenCurrentAndNextPassAndAThirdIsRefused(String key) {
        int status = given().header("Authorization", "Bearer " + key).get("/stats/summary").statusCode();

        assertThat(status).isEqualTo(key.equals(THIRD) ? 401 : 200);
    }

    @ParameterizedTest
    @ValueSource(strings = {Prod.STK_TOKEN, Prod.NEXT_STK_TOKEN, THIRD})
    void givenProdMidRotation_whenSafaricomCallsBackWithAToken_thenCurrentAndNextAreKeptAndAThirdIsRefused(
            String token) {
        String checkout = checkout();

        int status = stkCallback(token, checkout, SAFARICOM);

        boolean accepted = !token.equals(THIRD);
        assertThat(status).isEqualTo(accepted ? 200 : 401);
        assertThat(callbacksFor(checkout)).isEqualTo(accepted ? 1 : 0);
    }

    @Test
    void givenProdBehindAProxy_whenTheCallerPrependsASafaricomAddress_thenTheCallbackIsRefusedAndNothingKept() {
        String checkout = checkout();

        int status = stkCallback(Prod.STK_TOKEN, checkout, SAFARICOM + ", " + CALLER);

        assertThat(status).isEqualTo(403);
        assertThat(callbacksFor(checkout)).isZero();
    }

    @Test
    void givenProdBehindAProxy_whenTheProxyAppendedASafaricomAddress_thenTheCallbackIsKept() {
        String checkout = checkout();

        int status = stkCallback(Prod.STK_TOKEN, checkout, CALLER + ", " + SAFARICOM);

        assertThat(status).isEqualTo(200);
        assertThat(callbacksFor(checkout)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {Prod.SMS_TOKEN, Prod.NEXT_SMS_TOKEN, THIRD})
    void givenProdMidRotation_whenAfricasTalkingCallsWithAToken_thenCurrentAndNextAreTakenAndAThirdIsRefused(
            String token) {
        String id = "ATXid_prod-rotation-" + UUID.randomUUID();

        int incoming = ProviderTraffic.smsIncoming(token, id, new Msisdn("254799000452"), "Asante sana kwa huduma")
                .statusCode();

        boolean accepted = !token.equals(THIRD);
        assertThat(incoming).isEqualTo(accepted ? 200 : 401);
        assertThat(db.count("SELECT count(*) FROM inbound_events WHERE provider = 'africastalking' AND event_id = ?",
                id)).isEqualTo(accepted ? 1 : 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {Prod.VERIFY_TOKEN, Prod.NEXT_VERIFY_TOKEN, THIRD})
    void givenProdMidRotation_whenMetaVerifiesTheWebhookWithAToken_thenCurrentAndNextAreAnsweredAndAThirdIsNot(
            String token) {
        var response = given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", token)
                .queryParam("hub.challenge", "2095134511").get(ProviderTraffic.WEBHOOK);

        boolean accepted = !token.equals(THIRD);
        assertThat(response.statusCode()).isEqualTo(accepted ? 200 : 403);
        assertThat(response.asString()).isEqualTo(accepted ? "2095134511" : "");
    }

    @ParameterizedTest
    @ValueSource(strings = {Prod.APP_SECRET, Prod.NEXT_APP_SECRET, THIRD})
    void givenProdMidRotation_whenAWebhookIsSignedWithASecret_thenCurrentAndNextAreStoredAndAThirdIsRefused(
            String secret) {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[],\"prod-rotation\":\"" + UUID.randomUUID()
                + "\"}";

        int status = ProviderTraffic.postSignedWebhook(body, secret).statusCode();

        boolean accepted = !secret.equals(THIRD);
        assertThat(status).isEqualTo(accepted ? 200 : 401);
        assertThat(db.count("SELECT count(*) FROM webhook_inbox WHERE body = convert_to(?, 'UTF8')", body))
                .isEqualTo(accepted ? 1 : 0);
    }

    private static String checkout() {
        return "ws_CO_prod_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static int stkCallback(String token, String checkout, String forwardedFor) {
        String body = ProviderTraffic.stkFailure(checkout, 1032, "Request cancelled by user");
        return given().contentType("application/json").header("X-Forwarded-For", forwardedFor)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post(ProviderTraffic.STK_CALLBACK + token).then().extract().statusCode();
    }

    private long callbacksFor(String checkout) {
        return db.count("SELECT count(*) FROM stk_callbacks WHERE checkout_request_id = ?", checkout);
    }
}
