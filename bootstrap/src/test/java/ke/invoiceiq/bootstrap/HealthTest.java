package ke.invoiceiq.bootstrap;

import static ke.invoiceiq.bootstrap.testing.HealthEndpoints.health;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The health groups and what each holds. A provider that refuses our setup going DOWN in the wellness group while
 * readiness stays UP is driven end to end, through real refusals, in {@code WhatsAppLoopTest} and
 * {@code SmsLoopTest}; {@code ProviderWellnessTest} has every state of one check. They answer on the management port
 * (application.properties), where the probes call them.
 */
@QuarkusTest
class HealthTest {

    @Test
    void givenTheApplicationStarted_whenLivenessProbed_then200Up() {
        health().when().get("/live")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void givenTheApplicationStarted_whenStartupProbed_then200Up() {
        health().when().get("/started")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void givenTheApplicationStarted_whenReadinessProbed_then200Up() {
        health().when().get("/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    /** A provider outage must never take the service out of rotation: readiness asks the database only. */
    @Test
    void givenTheApplicationStarted_whenReadinessProbed_thenTheDatabaseIsItsOnlyCheck() {
        health().when().get("/ready")
                .then().statusCode(200)
                .body("checks.name", contains("Database connections health check"));
    }

    /** No provider account in the test profile: both provider checks are in the wellness group, UP, stand-in. */
    @Test
    void givenNoProviderAccount_whenWellnessProbed_thenBothProviderChecksAreUpInStandInMode() {
        health().when().get("/well")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("WhatsApp Cloud API", "Africa's Talking SMS"))
                .body("checks.find { it.name == 'WhatsApp Cloud API' }.data.mode", equalTo("stand-in"))
                .body("checks.find { it.name == \"Africa's Talking SMS\" }.data.mode", equalTo("stand-in"));
    }

    @Test
    void givenTheApplicationStarted_whenHealthProbed_then200Up() {
        health().when().get("")
                .then().statusCode(200).body("status", equalTo("UP"));
    }
}
