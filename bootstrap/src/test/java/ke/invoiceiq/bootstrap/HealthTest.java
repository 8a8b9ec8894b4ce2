package ke.invoiceiq.bootstrap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthTest {

    @Test
    void givenTheApplicationStarted_whenLivenessProbed_then200Up() {
        given().when().get("/q/health/live")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void givenTheApplicationStarted_whenReadinessProbed_then200Up() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void givenTheApplicationStarted_whenHealthProbed_then200Up() {
        given().when().get("/q/health")
                .then().statusCode(200).body("status", equalTo("UP"));
    }
}
