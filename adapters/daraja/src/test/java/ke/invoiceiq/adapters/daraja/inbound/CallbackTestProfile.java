package ke.invoiceiq.adapters.daraja.inbound;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The callback tokens (current and next) for the tests, kept out of the module's shared application.properties.
 * Allowlist off.
 */
public class CallbackTestProfile implements QuarkusTestProfile {

    static final String TOKEN = "cb-Token_0123456789abcdefXYZ";
    /** The token being rotated in ({@code MPESA_CALLBACK_TOKEN_NEXT}): accepted alongside {@link #TOKEN}. */
    static final String NEXT_TOKEN = "cb-Next_9876543210fedcbaQRS";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mpesa.callback-token", TOKEN, "mpesa.callback-token-next", NEXT_TOKEN);
    }
}
