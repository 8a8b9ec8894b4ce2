package ke.invoiceiq.adapters.daraja.inbound;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The allowlist on (Safaricom's published addresses), behind a trusted proxy that sets X-Forwarded-For. */
public class AllowlistTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mpesa.callback-token", CallbackTestProfile.TOKEN,
                "mpesa.callback.ip-allowlist.enabled", "true",
                "mpesa.callback.trust-forwarded-for", "true");
    }
}
