package ke.invoiceiq.adapters.africastalking.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The last configuration error Africa's Talking reported ({@code invalid-api-key}, {@code insufficient-balance},
 * {@code invalid-sender-id}, {@code risk-hold}, {@code not-configured}, …), for a wellness check to show as
 * degraded. {@code quarkus-smallrye-health} is not on this module's class path, so the {@code @Wellness} check
 * itself belongs in bootstrap and reads this bean. An accepted send clears it.
 */
@ApplicationScoped
public class SmsStatus {

    private final AtomicReference<String> lastConfigurationError = new AtomicReference<>();

    /** The code of the last configuration error, until a send is accepted. */
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
