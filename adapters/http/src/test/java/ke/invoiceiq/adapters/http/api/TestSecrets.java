package ke.invoiceiq.adapters.http.api;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import ke.invoiceiq.application.settings.RotatingSecret;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API key as the bootstrap module produces it in the application ({@code SecretProducers}): the current and
 * the next key, here from the test profile's {@code admin.api-key} and {@code admin.api-key-next}.
 */
@Singleton
public class TestSecrets {

    @Produces
    @Singleton
    @Named(AdminKey.KEYS)
    RotatingSecret adminKeys(@ConfigProperty(name = "admin.api-key") Optional<String> current,
            @ConfigProperty(name = "admin.api-key-next") Optional<String> next) {
        return RotatingSecret.of(current, next);
    }
}
