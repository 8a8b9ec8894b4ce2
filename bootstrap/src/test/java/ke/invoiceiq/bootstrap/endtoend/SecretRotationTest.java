package ke.invoiceiq.bootstrap.endtoend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.UUID;
import ke.invoiceiq.bootstrap.testing.ProviderTraffic;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * In the middle of a rotation (docs/RUNBOOK.md, "Rotating secrets"): every credential a caller presents has a current
 * and a next value ({@link AcceptanceProfile}), and the running application accepts both and refuses a third, through
 * the real endpoints, on the configuration path production uses ({@code *_NEXT} keys → the bootstrap mappings →
 * {@code SecretProducers} → the adapters). What was accepted was also handed on, so the 200 is no empty answer.
 */
@QuarkusTest
@TestProfile(AcceptanceProfile.class)
@WithTestResource(GraphApiWireMock.class)
@WithTestResource(DarajaWireMock.class)
@WithTestResource(AfricasTalkingWireMock.class)
class SecretRotationTest extends AcceptanceBase {

    private static final String THIRD = "a-third-value-that-was-never-configured";

    @ParameterizedTest
    @ValueSource(strings = {AcceptanceProfile.ADMIN_KEY, AcceptanceProfile.NEXT_ADMIN_KEY, THIRD})
    void givenAnAdminKeyBeingRotated_whenTheApiIsCalled_thenTheCurrentAndTheNextKeyAreLetThroughAndAThirdIsNot(
            String key) {
        int status = given().header("Authorization", "Bearer " + key).get("/stats/summary").statusCode();

        assertThat(status).isEqualTo(key.equals(THIRD) ? 401 : 200);
    }

    @ParameterizedTest
    @ValueSource(strings = {DarajaWireMock.CALLBACK_TOKEN, AcceptanceProfile.NEXT_STK_TOKEN, THIRD})
    void givenAnStkCallbackTokenBeingRotated_whenACallbackArrives_thenTheCurrentAndTheNextAreKeptAndAThirdIsNot(
            String token) {
        String checkout = "ws_CO_rotation_" + UUID.randomUUID().toString().replace("-", "");

        int status = ProviderTraffic.postStkCallback(token, ProviderTraffic.stkFailure(checkout, 1032,
                "Request cancelled by user"));

        boolean accepted = !token.equals(THIRD);
        assertThat(status).isEqualTo(accepted ? 200 : 401);
        assertThat(db.count("SELECT count(*) FROM stk_callbacks WHERE checkout_request_id = ?", checkout))
                .isEqualTo(accepted ? 1 : 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {AcceptanceProfile.SMS_TOKEN, AcceptanceProfile.NEXT_SMS_TOKEN, THIRD})
    void givenAnSmsCallbackTokenBeingRotated_whenAfricasTalkingCalls_thenTheCurrentAndTheNextAreTakenAndAThirdIsNot(
            String token) {
        String id = "ATXid_rotation-" + UUID.randomUUID();

        int report = ProviderTraffic.smsDeliveryReport(token, id, "Success", new Msisdn("254799000451"), "")
                .statusCode();
        int incoming = ProviderTraffic.smsIncoming(token, id, new Msisdn("254799000451"),
                "Asante, nimepata ujumbe wako").statusCode();

        boolean accepted = !token.equals(THIRD);
        assertThat(report).isEqualTo(accepted ? 200 : 401);
        assertThat(incoming).isEqualTo(accepted ? 200 : 401);
        assertThat(db.count("SELECT count(*) FROM inbound_events WHERE provider = 'africastalking'"
                + " AND event_id = ?", id)).isEqualTo(accepted ? 1 : 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {AcceptanceProfile.VERIFY_TOKEN, AcceptanceProfile.NEXT_VERIFY_TOKEN, THIRD})
    void givenAVerifyTokenBeingRotated_whenMetaVerifiesTheWebhook_thenTheCurrentAndTheNextAreAnsweredAndAThirdIsNot(
            String token) {
        var response = given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", token)
                .queryParam("hub.challenge", "1158201444").get(ProviderTraffic.WEBHOOK);

        if (token.equals(THIRD)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.asString()).isEmpty();
        } else {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.asString()).isEqualTo("1158201444");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {AcceptanceProfile.APP_SECRET, AcceptanceProfile.NEXT_APP_SECRET, THIRD})
    void givenAnAppSecretBeingRotated_whenAWebhookIsSignedWithIt_thenTheCurrentAndTheNextAreStoredAndAThirdIsNot(
            String secret) {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[],\"rotation\":\"" + UUID.randomUUID()
                + "\"}";

        int status = ProviderTraffic.postSignedWebhook(body, secret).statusCode();

        boolean accepted = !secret.equals(THIRD);
        assertThat(status).isEqualTo(accepted ? 200 : 401);
        assertThat(db.count("SELECT count(*) FROM webhook_inbox WHERE body = convert_to(?, 'UTF8')", body))
                .isEqualTo(accepted ? 1 : 0);
    }
}
