package ke.invoiceiq.adapters.http.api;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import ke.invoiceiq.application.settings.RotatingSecret;
import org.jboss.logging.Logger;

/**
 * The merchant API's bearer key ({@code ADMIN_API_KEY}) and, while it is being changed, the next one
 * ({@code ADMIN_API_KEY_NEXT}): both are accepted, anything else refused (docs/RUNBOOK.md, "Rotating secrets").
 * The bootstrap module produces the {@link RotatingSecret} named {@value #KEYS} from its configuration; this adapter
 * reads no configuration key. Comparison is {@link RotatingSecret#matches}: SHA-256 digests compared with
 * {@code MessageDigest.isEqual} against each value, so the time taken depends neither on the key's length, nor on
 * the position of the first wrong character, nor on which key matched. Unset or blank means every API request is
 * refused (the service never runs open); that is said once, at startup. A key itself is never logged.
 */
@ApplicationScoped
public class AdminKey {

    /** The name of the {@link RotatingSecret} this key is injected as. */
    public static final String KEYS = "admin.api-key";

    private static final Logger LOG = Logger.getLogger(AdminKey.class);

    private final RotatingSecret keys;

    @Inject
    public AdminKey(@Named(KEYS) RotatingSecret keys) {
        this.keys = keys;
    }

    void warnWhenUnset(@Observes StartupEvent started) {
        if (!keys.configured()) {
            LOG.warn("admin.api-key (ADMIN_API_KEY) is not set: every request to the merchant API "
                    + "(/invoices, /payments, /stats) will be refused with 401");
        }
    }

    public boolean configured() {
        return keys.configured();
    }

    /** Whether {@code presented} is the current or the next key; always false when none is configured. */
    public boolean matches(String presented) {
        return keys.matches(presented);
    }
}
