package ke.invoiceiq.bootstrap.observability;

import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The shape every provider's readiness check shares: always UP; {@code mode} says what serves the port (the
 * provider, the {@code sandbox} simulator or the in-memory {@code stand-in}), and {@code status} whether the provider
 * last refused our configuration (then with its {@code code}). Why UP even when degraded is explained on
 * {@link WhatsAppReadiness}.
 */
final class ProviderReadiness {

    private ProviderReadiness() {
    }

    static HealthCheckResponse of(String name, boolean configured, boolean sandbox, String providerMode,
            Optional<String> lastConfigurationError) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name).up();
        if (!configured) {
            return response.withData("mode", sandbox ? "sandbox" : "stand-in").build();
        }
        response.withData("mode", providerMode);
        return lastConfigurationError
                .map(code -> response.withData("status", "degraded").withData("code", code))
                .orElseGet(() -> response.withData("status", "ok"))
                .build();
    }
}
