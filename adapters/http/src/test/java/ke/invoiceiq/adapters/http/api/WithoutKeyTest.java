package ke.invoiceiq.adapters.http.api;

import static io.restassured.RestAssured.given;
import static ke.invoiceiq.adapters.http.api.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With no {@code admin.api-key} configured the API is closed: no value of the header opens it. */
@QuarkusTest
@TestProfile(ApiProfile.WithoutKey.class)
class WithoutKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"Bearer " + ApiProfile.KEY, "Bearer ", "Bearer null", "Bearer undefined", "Bearer \"\""})
    void everyRequestIsRefused(String authorization) {
        Response stats = given().header("Authorization", authorization).get("/stats/summary");
        Response create = given().header("Authorization", authorization).contentType("application/json")
                .body(Api.SMOKE_BODY).post("/invoices");

        problem(stats, 401, "unauthorized");
        problem(create, 401, "unauthorized");
        assertThat(stats.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/openapi", "/docs"})
    void theDocumentationIsStillServed(String path) {
        given().get(path).then().statusCode(200);
    }
}
