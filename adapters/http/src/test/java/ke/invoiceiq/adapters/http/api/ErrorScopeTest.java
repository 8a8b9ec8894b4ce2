package ke.invoiceiq.adapters.http.api;

import static io.restassured.RestAssured.given;
import static ke.invoiceiq.adapters.http.api.Api.api;
import static ke.invoiceiq.adapters.http.api.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API's own error answers, and that they stay the API's: another resource's 405 is left as it was. */
@QuarkusTest
@TestProfile(ApiProfile.class)
class ErrorScopeTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "DELETE | /invoices                   | GET, HEAD, POST, OPTIONS",
            "PUT    | /invoices/INV-000001        | GET, HEAD, OPTIONS",
            "GET    | /invoices/INV-000001/cancel | POST, OPTIONS",
            "GET    | /payments/stk/initiate      | POST, OPTIONS",
            "DELETE | /payments                   | GET, HEAD, OPTIONS",
            "POST   | /stats/summary              | GET, HEAD, OPTIONS"})
    void aMethodTheApiDoesNotHaveIsA405Problem(String method, String path, String allow) {
        Response response = api().request(method, path);

        problem(response, 405, "method-not-allowed");
        assertThat(response.header("Allow")).isEqualTo(allow);
        for (String allowed : allow.split(", ")) {
            assertThat(api().request(allowed, path).statusCode()).as(allowed + " " + path).isNotEqualTo(405);
        }
    }

    @Test
    void anotherResourcesMethodNotAllowedIsUntouched() {
        Response response = given().delete(NotApiResource.PATH);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(String.valueOf(response.contentType())).doesNotContain("problem+json");
        assertThat(response.asString()).doesNotContain("invoiceiq.ke/problems");
    }

    @Test
    void anUnknownPathUnderTheApiIsANotFoundNotAServerError() {
        assertThat(api().get("/invoices/INV-000001/history").statusCode()).isEqualTo(404);
        assertThat(api().get("/stats/everything").statusCode()).isEqualTo(404);
    }
}
