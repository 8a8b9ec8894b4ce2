package ke.invoiceiq.adapters.daraja.inbound;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The callback token for the tests, kept out of the module's shared application.properties. Allowlist off. */
public class CallbackTestProfile implements QuarkusTestProfile {

    static final String TOKEN = "cb-Token_0123456789abcdefXYZ";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mpesa.callback-token", TOKEN);
    }
}
