package ke.invoiceiq.adapters.africastalking.inbound;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import ke.invoiceiq.application.settings.RotatingSecret;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The callback token as the bootstrap module produces it in the application ({@code SecretProducers}): the current
 * and the next token, here from the test profile's {@code sms.callback-token} and {@code sms.callback-token-next}.
 */
@Singleton
public class TestSecrets {

    @Produces
    @Singleton
    @Named(SmsCallbackResource.TOKEN)
    RotatingSecret callbackTokens(@ConfigProperty(name = "sms.callback-token") Optional<String> current,
            @ConfigProperty(name = "sms.callback-token-next") Optional<String> next) {
        return RotatingSecret.of(current, next);
    }
}
