package ke.invoiceiq.adapters.africastalking.inbound;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The callback tokens (current and next) for the tests, kept out of the module's shared application.properties. */
public class CallbackTestProfile implements QuarkusTestProfile {

    static final String TOKEN = "sms-Cb_0123456789abcdefXYZ";
    /** The token being rotated in ({@code SMS_CALLBACK_TOKEN_NEXT}): accepted alongside {@link #TOKEN}. */
    static final String NEXT_TOKEN = "sms-Next_9876543210fedcbaQRS";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("sms.callback-token", TOKEN, "sms.callback-token-next", NEXT_TOKEN);
    }
}
