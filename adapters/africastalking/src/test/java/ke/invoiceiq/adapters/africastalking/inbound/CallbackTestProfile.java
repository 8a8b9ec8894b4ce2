package ke.invoiceiq.adapters.africastalking.inbound;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The callback token for the tests, kept out of the module's shared application.properties. */
public class CallbackTestProfile implements QuarkusTestProfile {

    static final String TOKEN = "sms-Cb_0123456789abcdefXYZ";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("sms.callback-token", TOKEN);
    }
}
