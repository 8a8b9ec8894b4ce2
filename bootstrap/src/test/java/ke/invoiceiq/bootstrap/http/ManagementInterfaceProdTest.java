package ke.invoiceiq.bootstrap.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The prod profile's two servers: the application port (8080, the only one the public host reaches) serves none of
 * Quarkus' {@code /q/*} endpoints nor the API documentation, the management port serves the probes and the metrics,
 * and the API documentation is off unless {@code INVOICEIQ_API_DOCS} turns it on.
 */
@QuarkusTest
@TestProfile(ManagementInterfaceProdTest.Prod.class)
class ManagementInterfaceProdTest {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "health/live", management = true)
    URL live;

    @TestHTTPResource(value = "openapi", management = true)
    URL openApi;

    @ParameterizedTest
    @ValueSource(strings = {"/q/metrics", "/q/health", "/q/health/ready", "/q/health/live", "/q/health/started",
        "/q/openapi", "/docs", "/docs/index.html"})
    void givenProd_whenTheApplicationPortIsAskedForAManagementEndpoint_then404(String path) {
        given().when().get(path).then().statusCode(404);
    }

    @Test
    void givenProd_whenTheManagementPortIsScraped_thenItServesPrometheusText() {
        String scrape = given().when().get(metrics).then().statusCode(200).extract().asString();

        assertThat(scrape).contains("# TYPE ").contains("jvm_");
    }

    @Test
    void givenProd_whenTheManagementPortIsProbed_thenReadinessIncludesTheDatabaseAndLivenessIsUp() {
        given().when().get(ready).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
        given().when().get(live).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void givenProdWithoutApiDocs_whenTheManagementPortIsAskedForTheOpenApiDocument_thenItIsNotServed() {
        given().when().get(openApi).then().statusCode(404);
    }

    @Test
    void givenProd_whenTheSpecificationsProbeAddressesAreCalledOnTheApplicationPort_thenTheyAnswer() {
        given().when().get("/healthz").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/readyz").then().statusCode(200).body("status", equalTo("UP"));
    }

    /**
     * The prod profile with every setting it requires (docs/configuration.md), the providers pointed at a closed
     * local port (nothing here calls them), and the database the global test resource gives every test. It is in the
     * middle of a rotation (a next value beside each secret a caller presents) and behind one proxy that appends the
     * caller's address to {@code X-Forwarded-For}, with the Safaricom allowlist on: {@link ProdSecurityTest}.
     */
    public static final class Prod implements QuarkusTestProfile {

        private static final String NOWHERE = "http://127.0.0.1:9";
        static final String STK_TOKEN = "prod-profile-test-stk-token";
        static final String NEXT_STK_TOKEN = "prod-profile-test-stk-token-next";
        static final String ADMIN_KEY = "prod-profile-test-admin-key";
        static final String NEXT_ADMIN_KEY = "prod-profile-test-admin-key-next";
        static final String SMS_TOKEN = "prod-profile-test-sms-token";
        static final String NEXT_SMS_TOKEN = "prod-profile-test-sms-token-next";
        static final String VERIFY_TOKEN = "prod-profile-test-verify-token";
        static final String NEXT_VERIFY_TOKEN = "prod-profile-test-verify-token-next";
        static final String APP_SECRET = "prod-profile-test-app-secret";
        static final String NEXT_APP_SECRET = "prod-profile-test-app-secret-next";

        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("waba.token", "prod-profile-test-graph-token"),
                    Map.entry("waba.phone-id", "106540352242922"),
                    Map.entry("waba.verify-token", VERIFY_TOKEN),
                    Map.entry("waba.verify-token-next", NEXT_VERIFY_TOKEN),
                    Map.entry("waba.app-secret", APP_SECRET),
                    Map.entry("waba.app-secret-next", NEXT_APP_SECRET),
                    Map.entry("waba.base-url", NOWHERE),
                    Map.entry("sms.username", "invoiceiq-prod-profile-test"),
                    Map.entry("sms.api-key", "prod-profile-test-at-key"),
                    Map.entry("sms.callback-token", SMS_TOKEN),
                    Map.entry("sms.callback-token-next", NEXT_SMS_TOKEN),
                    Map.entry("sms.base-url", NOWHERE),
                    Map.entry("mpesa.consumer-key", "prod-profile-test-consumer-key"),
                    Map.entry("mpesa.consumer-secret", "prod-profile-test-consumer-secret"),
                    Map.entry("mpesa.shortcode", "174379"),
                    Map.entry("mpesa.passkey", "prod-profile-test-passkey"),
                    Map.entry("mpesa.callback-url", "https://pay.invoiceiq.example/payments/stk/callback/" + STK_TOKEN),
                    Map.entry("mpesa.callback-token", STK_TOKEN),
                    Map.entry("mpesa.callback-token-next", NEXT_STK_TOKEN),
                    Map.entry("mpesa.callback.ip-allowlist.enabled", "true"),
                    Map.entry("mpesa.callback.client-address", "x-forwarded-for"),
                    Map.entry("mpesa.callback.trusted-proxy-hops", "1"),
                    Map.entry("mpesa.base-url", NOWHERE),
                    Map.entry("admin.api-key", ADMIN_KEY),
                    Map.entry("admin.api-key-next", NEXT_ADMIN_KEY),
                    Map.entry("invoiceiq.merchant.numbers", "254711000001"),
                    Map.entry("invoiceiq.base-url", "https://pay.invoiceiq.example"),
                    // the scheduled jobs would work the test database's outbox from this class; the ports do not
                    // depend on them, and the test profile keeps them off for every other class too
                    Map.entry("invoiceiq.jobs.dispatch-every", "off"),
                    Map.entry("invoiceiq.jobs.chat-expiry-every", "off"),
                    Map.entry("invoiceiq.jobs.reconcile-every", "off"),
                    Map.entry("invoiceiq.jobs.retention-every", "off"));
        }
    }
}
