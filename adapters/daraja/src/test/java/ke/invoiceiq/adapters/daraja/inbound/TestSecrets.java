package ke.invoiceiq.adapters.daraja.inbound;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import ke.invoiceiq.application.settings.RotatingSecret;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The callback token as the bootstrap module produces it in the application ({@code SecretProducers}): the current
 * and the next token, here from the test profile's {@code mpesa.callback-token} and {@code mpesa.callback-token-next}.
 */
@Singleton
public class TestSecrets {

    @Produces
    @Singleton
    @Named(StkCallbackResource.TOKEN)
    RotatingSecret callbackTokens(@ConfigProperty(name = "mpesa.callback-token") Optional<String> current,
            @ConfigProperty(name = "mpesa.callback-token-next") Optional<String> next) {
        return RotatingSecret.of(current, next);
    }
}
