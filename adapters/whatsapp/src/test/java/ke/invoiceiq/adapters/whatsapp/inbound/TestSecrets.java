package ke.invoiceiq.adapters.whatsapp.inbound;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import ke.invoiceiq.application.settings.RotatingSecret;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The webhook's secrets as the bootstrap module produces them in the application ({@code SecretProducers}): the
 * current and the next value of each, here from the test profile's {@code waba.*} keys.
 */
@Singleton
public class TestSecrets {

    @Produces
    @Singleton
    @Named(WhatsAppWebhookResource.VERIFY_TOKEN)
    RotatingSecret verifyTokens(@ConfigProperty(name = "waba.verify-token") Optional<String> current,
            @ConfigProperty(name = "waba.verify-token-next") Optional<String> next) {
        return RotatingSecret.of(current, next);
    }

    @Produces
    @Singleton
    @Named(WhatsAppWebhookResource.APP_SECRET)
    RotatingSecret appSecrets(@ConfigProperty(name = "waba.app-secret") Optional<String> current,
            @ConfigProperty(name = "waba.app-secret-next") Optional<String> next) {
        return RotatingSecret.of(current, next);
    }
}
