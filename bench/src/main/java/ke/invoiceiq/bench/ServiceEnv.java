package ke.invoiceiq.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of a packaged instance in the prod profile: every setting {@code RequiredSecrets} demands, with
 * dummy secrets, the database, and all three providers pointed at the harness's stand-ins ({@link Providers}). The
 * invoice template is set, as production should have it (docs/whatsapp.md).
 */
final class ServiceEnv {

    static final String PHONE_ID = "106540352242922";
    static final String APP_SECRET = "soak-app-secret-not-a-secret";
    static final String VERIFY_TOKEN = "soak-verify-token";
    static final String STK_TOKEN = "soak-stk-callback-token";
    static final String SMS_TOKEN = "soak-sms-callback-token";
    static final String ADMIN_KEY = "soak-admin-key-not-a-secret";
    static final String BASE_URL = "https://pay.soak.example";
    static final String TEMPLATE = "invoice_with_pay_button";

    private ServiceEnv() {
    }

    static Map<String, String> of(Db db, String providersBaseUrl, String merchantNumbers, Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", db.user());
        if (!db.password().isEmpty()) {
            env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
        }
        env.put("MERCHANT_MSISDN", merchantNumbers);
        env.put("MERCHANT_NAME", "Soak Cleaners");
        env.put("BASE_URL", BASE_URL);
        env.put("ADMIN_API_KEY", ADMIN_KEY);
        env.put("WABA_TOKEN", "soak-graph-token");
        env.put("WABA_PHONE_ID", PHONE_ID);
        env.put("WABA_APP_SECRET", APP_SECRET);
        env.put("WABA_VERIFY_TOKEN", VERIFY_TOKEN);
        env.put("WABA_API_VERSION", "v25.0");
        env.put("WABA_BASE_URL", providersBaseUrl);
        env.put("WABA_INVOICE_TEMPLATE", TEMPLATE);
        env.put("SMS_USERNAME", "invoiceiq-soak");
        env.put("SMS_API_KEY", "soak-at-key");
        env.put("SMS_CALLBACK_TOKEN", SMS_TOKEN);
        env.put("SMS_BASE_URL", providersBaseUrl);
        env.put("MPESA_ENV", "sandbox");
        env.put("MPESA_CONSUMER_KEY", "soak-consumer-key");
        env.put("MPESA_CONSUMER_SECRET", "soak-consumer-secret");
        env.put("MPESA_SHORTCODE", "174379");
        // the public sandbox passkey
        env.put("MPESA_PASSKEY", "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919");
        env.put("MPESA_CALLBACK_TOKEN", STK_TOKEN);
        env.put("MPESA_CALLBACK_URL", BASE_URL + "/payments/stk/callback/" + STK_TOKEN);
        env.put("MPESA_BASE_URL", providersBaseUrl);
        env.putAll(overrides);
        return env;
    }
}
