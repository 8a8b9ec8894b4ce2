package ke.invoiceiq.bootstrap.endtoend;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Every provider configured, every provider played by WireMock: WhatsApp ({@link GraphApiWireMock}), M-PESA
 * ({@link DarajaWireMock}) and Africa's Talking ({@link AfricasTalkingWireMock}), plus the merchant API key; each
 * credential a caller presents has a next value too, as in the middle of a rotation (docs/RUNBOOK.md). The
 * service runs exactly as in production, on the real PostgreSQL, except that its jobs are off (the tests dispatch
 * the outbox themselves) and its clock is the test clock.
 */
public final class AcceptanceProfile implements QuarkusTestProfile {

    static final String APP_SECRET = "acceptance-app-secret-0123456789";
    static final String SMS_TOKEN = "acceptance-sms-callback-token";
    static final String ADMIN_KEY = "acceptance-admin-key-not-a-secret";
    static final String VERIFY_TOKEN = "acceptance-verify-token";

    /** The values being rotated in, each accepted beside the current one ({@link SecretRotationTest}). */
    static final String NEXT_APP_SECRET = "acceptance-app-secret-next-9876543210";
    static final String NEXT_SMS_TOKEN = "acceptance-sms-callback-token-next";
    static final String NEXT_ADMIN_KEY = "acceptance-admin-key-next-not-a-secret";
    static final String NEXT_VERIFY_TOKEN = "acceptance-verify-token-next";
    static final String NEXT_STK_TOKEN = "e2e-callback-token-next-not-a-secret";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("waba.token", "acceptance-graph-token"),
                Map.entry("waba.phone-id", GraphApiWireMock.PHONE_ID),
                Map.entry("waba.app-secret", APP_SECRET),
                Map.entry("waba.verify-token", VERIFY_TOKEN),
                Map.entry("waba.app-secret-next", NEXT_APP_SECRET),
                Map.entry("waba.verify-token-next", NEXT_VERIFY_TOKEN),
                Map.entry("sms.callback-token-next", NEXT_SMS_TOKEN),
                Map.entry("mpesa.callback-token-next", NEXT_STK_TOKEN),
                Map.entry("admin.api-key-next", NEXT_ADMIN_KEY),
                // several messages to one person within seconds: the gap between them is the tests' short 1 s
                // (application.properties), never nothing; Conversation.dispatch() waits it out
                Map.entry("waba.pair-interval", "PT1S"),
                // a webhook's five tries take seconds here, not minutes: the next tries come half a second apart,
                // doubling (the sweeper still looks only every 5 s when it has nothing to do, as in production)
                Map.entry("waba.webhook.retry-after", "PT0.5S"),
                Map.entry("sms.username", "invoiceiq-acceptance"),
                Map.entry("sms.api-key", "acceptance-at-key"),
                Map.entry("sms.callback-token", SMS_TOKEN),
                Map.entry("admin.api-key", ADMIN_KEY));
    }
}
