package ke.invoiceiq.bootstrap.endtoend;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/** {@link AcceptanceProfile} with C2B on: a Paybill, a Till, and validation answered by the service. */
public final class C2bProfile implements QuarkusTestProfile {

    static final String PAYBILL = "600100";
    static final String TILL = "5123456";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(new AcceptanceProfile().getConfigOverrides());
        config.put("mpesa.c2b.paybill", PAYBILL);
        config.put("mpesa.c2b.till", TILL);
        config.put("mpesa.c2b.validation", "true");
        return config;
    }
}
