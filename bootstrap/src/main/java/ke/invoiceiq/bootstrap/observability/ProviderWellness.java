package ke.invoiceiq.bootstrap.observability;

import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The shape every provider's wellness check shares: {@code mode} says what serves the port (the provider, the
 * {@code sandbox} simulator or the in-memory {@code stand-in}), and {@code status} whether the provider last refused
 * our configuration: {@code ok} and UP, or {@code degraded} with its {@code code} and DOWN. Why wellness and not
 * readiness is explained on {@link WhatsAppWellness}.
 */
final class ProviderWellness {

    private ProviderWellness() {
    }

    static HealthCheckResponse of(String name, boolean configured, boolean sandbox, String providerMode,
            Optional<String> lastConfigurationError) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name);
        if (!configured) {
            return response.up().withData("mode", sandbox ? "sandbox" : "stand-in").build();
        }
        response.withData("mode", providerMode);
        return lastConfigurationError
                .map(code -> response.down().withData("status", "degraded").withData("code", code))
                .orElseGet(() -> response.up().withData("status", "ok"))
                .build();
    }
}
