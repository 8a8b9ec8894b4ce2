package ke.invoiceiq.adapters.whatsapp.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The last configuration error the Graph API reported (a token, permission, parameter or template code), for a
 * wellness check to show as degraded. {@code quarkus-smallrye-health} is not on this module's class path, so the
 * {@code @Wellness} check itself belongs where it is (bootstrap) and reads this bean. An accepted send clears it.
 */
@ApplicationScoped
public class WhatsAppStatus {

    private final AtomicReference<String> lastConfigurationError = new AtomicReference<>();

    /** The code of the last configuration error (e.g. {@code 190}, {@code 132001}), until a send is accepted. */
    public Optional<String> lastConfigurationError() {
        return Optional.ofNullable(lastConfigurationError.get());
    }

    /** Remembers the code; true when it differs from the one already remembered (so it is logged once). */
    boolean configurationError(String code) {
        return !code.equals(lastConfigurationError.getAndSet(code));
    }

    void accepted() {
        lastConfigurationError.set(null);
    }
}
