package ke.invoiceiq.adapters.daraja.inbound;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * The allowlist on (Safaricom's published addresses), behind one trusted proxy that appends the caller's address to
 * X-Forwarded-For (a Kubernetes ingress, or Fly.io's proxy).
 */
public class AllowlistTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return allowlistOn(Map.of("mpesa.callback.client-address", "x-forwarded-for",
                "mpesa.callback.trusted-proxy-hops", "1"));
    }

    /** The callback token, the allowlist on, and where the caller's address is read. */
    static Map<String, String> allowlistOn(Map<String, String> source) {
        Map<String, String> config = new HashMap<>(source);
        config.put("mpesa.callback-token", CallbackTestProfile.TOKEN);
        config.put("mpesa.callback.ip-allowlist.enabled", "true");
        return config;
    }

    /** The same allowlist behind Fly.io's proxy, read from the Fly-Client-IP header it sets. */
    public static class FlyClientIp implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return allowlistOn(Map.of("mpesa.callback.client-address", "fly-client-ip"));
        }
    }

    /** The allowlist on and nothing said about where the address comes from: the TCP peer's, the default. */
    public static class Socket implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return allowlistOn(Map.of());
        }
    }
}
