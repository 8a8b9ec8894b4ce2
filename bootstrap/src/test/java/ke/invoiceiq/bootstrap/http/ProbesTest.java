package ke.invoiceiq.bootstrap.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The specification's probe addresses, and the correlation id every response carries. */
@QuarkusTest
class ProbesTest {

    @Test
    void givenTheApplicationUp_whenHealthzProbed_thenLivenessAnswers() {
        given().when().get("/healthz")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void givenTheDatabaseUp_whenReadyzProbed_thenReadinessAnswersWithTheDatabaseCheck() {
        given().when().get("/readyz")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void givenNoRequestId_whenAnythingIsRequested_thenTheResponseCarriesANewOne() {
        given().when().get("/healthz")
                .then().header(CorrelationId.HEADER, matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void givenTheCallersRequestId_whenRequested_thenTheSameIdComesBack() {
        given().header(CorrelationId.HEADER, "lb-trace-0001-abcd")
                .when().get("/healthz")
                .then().header(CorrelationId.HEADER, equalTo("lb-trace-0001-abcd"));
    }
}
