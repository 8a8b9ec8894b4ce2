package ke.invoiceiq.bootstrap.endtoend;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link AcceptanceProfile}, plus one reconciliation run that looks at every attempt in flight: the database is
 * shared with the other test classes, whose unanswered attempts would otherwise fill a run's batch when a test moves
 * the clock forward. Every payment setting is production's.
 */
public final class PaymentTrustProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(new AcceptanceProfile().getConfigOverrides());
        config.put("invoiceiq.payment.reconcile-batch", "10000");
        return config;
    }
}
