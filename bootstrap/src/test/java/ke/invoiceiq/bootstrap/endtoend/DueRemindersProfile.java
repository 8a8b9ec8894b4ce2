package ke.invoiceiq.bootstrap.endtoend;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link AcceptanceProfile}, plus an approved invoice template, so a reminder to a customer outside WhatsApp's
 * 24-hour window goes by it. Every due-date setting is production's default.
 */
public final class DueRemindersProfile implements QuarkusTestProfile {

    static final String INVOICE_TEMPLATE = "invoice_due_v1";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(new AcceptanceProfile().getConfigOverrides());
        config.put("waba.invoice-template", INVOICE_TEMPLATE);
        return config;
    }
}
