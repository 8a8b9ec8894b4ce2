package ke.invoiceiq.bootstrap.sandbox;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The sandbox on and no provider configured, as in the dev profile of the README's run command: every provider
 * port is its simulator, and the simulators post to the real endpoints with these secrets. The prompt waits a minute
 * for the test's answer; callbacks and statuses follow within a fraction of a second.
 */
public final class SandboxProfile implements QuarkusTestProfile {

    static final String APP_SECRET = "sandbox-e2e-app-secret-0123456789";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("invoiceiq.sandbox.enabled", "true"),
                Map.entry("waba.app-secret", APP_SECRET),
                Map.entry("waba.verify-token", "sandbox-e2e-verify-token"),
                Map.entry("mpesa.callback-token", "sandbox-e2e-stk-callback-token"),
                Map.entry("sms.callback-token", "sandbox-e2e-sms-callback-token"),
                // one worker: webhooks are handled in the order they were acknowledged. The production setting
                // (4 workers) is covered by InboundReliabilityTest, ChatAndPaymentAcceptanceTest and PaymentTrustTest
                Map.entry("waba.webhook.workers", "1"),
                Map.entry("invoiceiq.sandbox.stk-auto-answer-after", "PT60S"),
                Map.entry("invoiceiq.sandbox.callback-delay", "PT0.2S"),
                Map.entry("invoiceiq.sandbox.status-delay", "PT0.2S"));
    }
}
