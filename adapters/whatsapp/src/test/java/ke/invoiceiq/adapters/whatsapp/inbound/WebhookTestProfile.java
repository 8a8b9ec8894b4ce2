package ke.invoiceiq.adapters.whatsapp.inbound;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The webhook's secrets for the tests, kept out of the module's shared application.properties. One ordinary worker
 * thread, so webhooks other than Pay taps (which run on virtual threads of their own) are processed in the order
 * they were acknowledged, whoever sent them (a later marker proves an earlier refusal handed nothing on). The inbox
 * sweeper does not run: the tests call it.
 */
public class WebhookTestProfile implements QuarkusTestProfile {

    static final String VERIFY_TOKEN = "verify-tøken-123";
    static final String APP_SECRET = "test-app-secret-0123456789abcdef";
    /** The values being rotated in ({@code WABA_VERIFY_TOKEN_NEXT}, {@code WABA_APP_SECRET_NEXT}). */
    static final String NEXT_VERIFY_TOKEN = "verify-next-456";
    static final String NEXT_APP_SECRET = "test-app-secret-next-fedcba9876543210";
    static final String PHONE_ID = "106540352242922";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "waba.verify-token", VERIFY_TOKEN,
                "waba.app-secret", APP_SECRET,
                "waba.verify-token-next", NEXT_VERIFY_TOKEN,
                "waba.app-secret-next", NEXT_APP_SECRET,
                "waba.phone-id", PHONE_ID,
                // one worker keeps these resource tests' handling in acknowledgement order; the production setting
                // (4 workers, a Pay tap on a thread of its own, one lane per sender) is covered by
                // WebhookDispatcherTest (real executors) and bootstrap's InboundReliabilityTest
                "waba.webhook.workers", "1",
                // the tests run the sweeper themselves
                "waba.webhook.sweep-every", "off");
    }
}
