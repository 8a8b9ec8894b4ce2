package ke.invoiceiq.adapters.sandbox;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the sandbox off, none of its endpoints exists. */
@QuarkusTest
@TestProfile(SandboxOffTest.Off.class)
class SandboxOffTest {

    public static final class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("invoiceiq.sandbox.enabled", "false");
        }
    }

    @Test
    void givenTheSandboxOff_whenAnyOfItsEndpointsIsCalled_then404() {
        given().when().get("/sandbox").then().statusCode(404);
        given().when().get("/sandbox/assets/sandbox.js").then().statusCode(404);
        given().when().get("/sandbox/api/state").then().statusCode(404);
        given().contentType("application/json").body(Map.of("text", "help"))
                .when().post("/sandbox/api/merchant/messages").then().statusCode(404);
        given().contentType("application/json").body(Map.of("action", "ok"))
                .when().post("/sandbox/api/stk/ws_CO_SBX1").then().statusCode(404);
    }
}
