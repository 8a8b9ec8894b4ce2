package ke.invoiceiq.adapters.http.api;

import static io.restassured.RestAssured.given;
import static ke.invoiceiq.adapters.http.api.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every API endpoint asks for the bearer key; nothing else in the application does. */
@QuarkusTest
@TestProfile(ApiProfile.class)
class AuthTest {

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("POST", "/invoices"),
                Arguments.of("GET", "/invoices"),
                Arguments.of("GET", "/invoices/INV-000001"),
                Arguments.of("POST", "/invoices/INV-000001/remind"),
                Arguments.of("POST", "/invoices/INV-000001/cancel"),
                Arguments.of("POST", "/payments/stk/initiate"),
                Arguments.of("GET", "/payments?invoice_id=INV-000001"),
                Arguments.of("GET", "/stats/summary"),
                Arguments.of("GET", "/invoices/"),
                Arguments.of("GET", "/stats/summary/"));
    }

    private static Response call(RequestSpecification request, String method, String path) {
        return request.contentType("application/json").body(Api.SMOKE_BODY).header("Idempotency-Key", "auth-test")
                .request(method, path);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void withoutAKeyIsRefusedWithABearerChallenge(String method, String path) {
        Response response = call(given(), method, path);

        problem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer realm=\"invoiceiq\"");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void withAWrongKeyIsRefusedAndTheKeyIsNotEchoed(String method, String path) {
        Response response = call(given().header("Authorization", "Bearer wrong-key-7f3a"), method, path);

        problem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
        assertThat(response.asString()).doesNotContain("wrong-key-7f3a").doesNotContain(ApiProfile.KEY);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void withTheKeyIsLetThrough(String method, String path) {
        Response response = call(Api.api(), method, path);

        assertThat(response.statusCode()).as(response.asString()).isNotEqualTo(401).isLessThan(500);
    }

    @ParameterizedTest
    @ValueSource(strings = {ApiProfile.KEY, ApiProfile.NEXT_KEY})
    void givenAKeyBeingRotated_whenTheCurrentOrTheNextKeyIsSent_thenBothAreLetThrough(String key) {
        given().header("Authorization", "Bearer " + key).get("/stats/summary").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Basic dGVzdDp0ZXN0", "Token " + ApiProfile.KEY,
            ApiProfile.KEY, "Bearer " + ApiProfile.KEY + "x", "Bearer x" + ApiProfile.KEY,
            "Bearer " + ApiProfile.KEY + " " + ApiProfile.KEY,
            "Bearer " + ApiProfile.NEXT_KEY + "x", "Bearer " + ApiProfile.KEY + ApiProfile.NEXT_KEY})
    void refusesEveryOtherAuthorization(String authorization) {
        Response response = given().header("Authorization", authorization).get("/stats/summary");

        problem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer ", "BEARER ", "Bearer   "})
    void theSchemeIsCaseInsensitiveAndSpacesAroundTheKeyDoNotMatter(String scheme) {
        given().header("Authorization", scheme + ApiProfile.KEY + " ").get("/stats/summary").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/openapi", "/docs", "/q/openapi?format=json"})
    void theDocumentationNeedsNoKey(String path) {
        given().get(path).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/pay/not-a-real-pay-token-0000000", "/payments/stk/callback/some-token",
            "/sms/inbound/some-token", "/whatsapp/webhook"})
    void otherResourcesAreNeverAskedForTheKey(String path) {
        Response get = given().get(path);
        Response post = given().contentType("application/json").body("{}").post(path);

        assertThat(get.header("WWW-Authenticate")).isNull();
        assertThat(post.header("WWW-Authenticate")).isNull();
        assertThat(String.valueOf(get.contentType())).doesNotContain("problem+json");
        assertThat(String.valueOf(post.contentType())).doesNotContain("problem+json");
    }
}
