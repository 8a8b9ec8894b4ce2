package ke.invoiceiq.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

/** Every state of one provider's wellness check: only a refused setup is DOWN, and it names the code. */
class ProviderWellnessTest {

    @Test
    void givenNoAccount_whenChecked_thenUpAndTheStandInOrTheSandboxServes() {
        HealthCheckResponse standIn = ProviderWellness.of("P", false, false, "cloud-api", Optional.of("190"));
        HealthCheckResponse sandbox = ProviderWellness.of("P", false, true, "cloud-api", Optional.empty());

        assertThat(standIn.getStatus()).isEqualTo(Status.UP);
        assertThat(standIn.getData().orElseThrow()).containsAllEntriesOf(Map.of("mode", "stand-in"));
        assertThat(sandbox.getStatus()).isEqualTo(Status.UP);
        assertThat(sandbox.getData().orElseThrow()).containsAllEntriesOf(Map.of("mode", "sandbox"));
    }

    @Test
    void givenAnAccountTheProviderAccepts_whenChecked_thenUpAndOk() {
        HealthCheckResponse ok = ProviderWellness.of("P", true, false, "cloud-api", Optional.empty());

        assertThat(ok.getStatus()).isEqualTo(Status.UP);
        assertThat(ok.getData().orElseThrow()).containsAllEntriesOf(Map.of("mode", "cloud-api", "status", "ok"));
    }

    @Test
    void givenAnAccountTheProviderRefused_whenChecked_thenDownDegradedWithTheCode() {
        HealthCheckResponse degraded = ProviderWellness.of("P", true, false, "africastalking",
                Optional.of("invalid-api-key"));

        assertThat(degraded.getStatus()).isEqualTo(Status.DOWN);
        assertThat(degraded.getData().orElseThrow()).containsAllEntriesOf(
                Map.of("mode", "africastalking", "status", "degraded", "code", "invalid-api-key"));
    }
}
