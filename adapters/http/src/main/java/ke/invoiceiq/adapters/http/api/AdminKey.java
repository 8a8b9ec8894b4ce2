package ke.invoiceiq.adapters.http.api;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The merchant API's bearer key ({@code admin.api-key}, from {@code ADMIN_API_KEY}). Only its SHA-256 digest is
 * kept; a presented key is digested too and the two digests compared with {@link MessageDigest#isEqual}, so the
 * comparison takes the same time whatever the key's length or the position of the first wrong character.
 * Unset or blank means every API request is refused (the service never runs open); that is said once, at
 * startup. The key itself is never logged.
 */
@ApplicationScoped
public class AdminKey {

    private static final Logger LOG = Logger.getLogger(AdminKey.class);

    private final Optional<byte[]> digest;

    @Inject
    public AdminKey(@ConfigProperty(name = "admin.api-key") Optional<String> key) {
        this.digest = key.map(String::strip).filter(k -> !k.isEmpty()).map(AdminKey::sha256);
    }

    void warnWhenUnset(@Observes StartupEvent started) {
        if (digest.isEmpty()) {
            LOG.warn("admin.api-key (ADMIN_API_KEY) is not set: every request to the merchant API "
                    + "(/invoices, /payments, /stats) will be refused with 401");
        }
    }

    public boolean configured() {
        return digest.isPresent();
    }

    /** Whether {@code presented} is the configured key; always false when none is configured. */
    public boolean matches(String presented) {
        if (digest.isEmpty() || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(digest.get(), sha256(presented));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
