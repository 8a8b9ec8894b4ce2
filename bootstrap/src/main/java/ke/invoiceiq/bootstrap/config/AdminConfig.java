package ke.invoiceiq.bootstrap.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * The merchant tools' credential ({@code ADMIN_API_KEY}): the bearer token of the invoice, payment and stats
 * endpoints. Optional here, required in prod ({@link RequiredSecrets}); it never prints.
 */
@ConfigMapping(prefix = "admin")
public interface AdminConfig {

    /** The expected {@code Authorization: Bearer} value ({@code ADMIN_API_KEY}). */
    Optional<SecretValue> apiKey();

    /**
     * The key being rotated in ({@code ADMIN_API_KEY_NEXT}): accepted alongside {@link #apiKey()} while callers move
     * over (docs/RUNBOOK.md, "Rotating secrets").
     */
    Optional<SecretValue> apiKeyNext();
}
