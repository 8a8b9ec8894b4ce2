package ke.invoiceiq.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The provider mappings read the environment names of docs/configuration.md as they are (WABA_APP_SECRET is the key
 * waba.app-secret), start with none of them, and never show a secret.
 */
class ProviderConfigTest {

    static SmallRyeConfig config(Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(environment, 300))
                .withMapping(WhatsAppConfig.class)
                .withMapping(SmsConfig.class)
                .withMapping(MpesaConfig.class)
                .withMapping(AdminConfig.class)
                .build();
    }

    @Test
    void givenNoEnvironment_whenMapped_thenEverySecretIsAbsentAndEveryDefaultIsSet() {
        SmallRyeConfig config = config(Map.of());

        WhatsAppConfig waba = config.getConfigMapping(WhatsAppConfig.class);
        assertThat(waba.token()).isEmpty();
        assertThat(waba.phoneId()).isEmpty();
        assertThat(waba.verifyToken()).isEmpty();
        assertThat(waba.appSecret()).isEmpty();
        assertThat(waba.apiVersion()).isEqualTo("v25.0");
        assertThat(waba.baseUrl()).isEqualTo(URI.create("https://graph.facebook.com"));
        assertThat(waba.invoiceTemplate()).isEmpty();
        assertThat(waba.invoiceTemplateLanguage()).isEqualTo("en");
        assertThat(waba.merchantTemplate()).isEmpty();
        assertThat(waba.merchantTemplateLanguage()).isEqualTo("en");
        assertThat(waba.pairInterval()).isEqualTo(Duration.ofSeconds(6));
        assertThat(waba.throughput()).isEqualTo(80);
        assertThat(waba.webhook().workers()).isEqualTo(4);
        assertThat(waba.webhook().queue()).isEqualTo(1000);
        assertThat(waba.webhook().attempts()).isEqualTo(5);
        assertThat(waba.webhook().retryAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(waba.webhook().sweepEvery()).isEqualTo("5s");
        assertThat(waba.configured()).isFalse();

        SmsConfig sms = config.getConfigMapping(SmsConfig.class);
        assertThat(sms.username()).isEmpty();
        assertThat(sms.apiKey()).isEmpty();
        assertThat(sms.senderId()).isEmpty();
        assertThat(sms.callbackToken()).isEmpty();
        assertThat(sms.effectiveBaseUrl()).isEqualTo(URI.create("https://api.africastalking.com"));

        MpesaConfig mpesa = config.getConfigMapping(MpesaConfig.class);
        assertThat(mpesa.env()).isEqualTo(MpesaConfig.Environment.SANDBOX);
        assertThat(mpesa.effectiveBaseUrl()).isEqualTo(URI.create("https://sandbox.safaricom.co.ke"));
        assertThat(mpesa.transactionType()).isEqualTo("CustomerPayBillOnline");
        assertThat(mpesa.consumerKey()).isEmpty();
        assertThat(mpesa.shortcode()).isEmpty();
        assertThat(mpesa.partyB()).isEmpty();
        assertThat(mpesa.callbackUrl()).isEmpty();

        assertThat(config.getConfigMapping(AdminConfig.class).apiKey()).isEmpty();
        assertThat(config.getConfigMapping(AdminConfig.class).apiKeyNext()).isEmpty();
        assertThat(waba.verifyTokenNext()).isEmpty();
        assertThat(waba.appSecretNext()).isEmpty();
        assertThat(sms.callbackTokenNext()).isEmpty();
        assertThat(mpesa.callbackTokenNext()).isEmpty();
    }

    @Test
    void givenTheDeploymentEnvironment_whenMapped_thenEveryNameArrives() {
        SmallRyeConfig config = config(Map.ofEntries(
                Map.entry("WABA_TOKEN", "t-waba"),
                Map.entry("WABA_PHONE_ID", "106540352242922"),
                Map.entry("WABA_VERIFY_TOKEN", "t-verify"),
                Map.entry("WABA_APP_SECRET", "t-app-secret"),
                Map.entry("WABA_API_VERSION", "v26.0"),
                Map.entry("WABA_BASE_URL", "http://127.0.0.1:8089"),
                Map.entry("WABA_INVOICE_TEMPLATE", "invoice_v2"),
                Map.entry("WABA_INVOICE_TEMPLATE_LANGUAGE", "en_US"),
                Map.entry("WABA_MERCHANT_TEMPLATE", "merchant_notice_v1"),
                Map.entry("WABA_MERCHANT_TEMPLATE_LANGUAGE", "en_GB"),
                Map.entry("WABA_PAIR_INTERVAL", "PT3S"),
                Map.entry("WABA_THROUGHPUT", "1000"),
                Map.entry("WABA_WEBHOOK_WORKERS", "8"),
                Map.entry("WABA_WEBHOOK_QUEUE", "5000"),
                Map.entry("WABA_WEBHOOK_ATTEMPTS", "8"),
                Map.entry("WABA_WEBHOOK_RETRY_AFTER", "PT30S"),
                Map.entry("WABA_WEBHOOK_SWEEP_EVERY", "2s"),
                Map.entry("SMS_USERNAME", "sandbox"),
                Map.entry("SMS_API_KEY", "t-sms-key"),
                Map.entry("SMS_SENDER_ID", "INVOICEIQ"),
                Map.entry("SMS_CALLBACK_TOKEN", "t-sms-callback"),
                Map.entry("MPESA_ENV", "production"),
                Map.entry("MPESA_CONSUMER_KEY", "t-consumer-key"),
                Map.entry("MPESA_CONSUMER_SECRET", "t-consumer-secret"),
                Map.entry("MPESA_SHORTCODE", "174379"),
                Map.entry("MPESA_PASSKEY", "t-passkey"),
                Map.entry("MPESA_TRANSACTION_TYPE", "CustomerBuyGoodsOnline"),
                Map.entry("MPESA_PARTY_B", "600000"),
                Map.entry("MPESA_CALLBACK_URL", "https://pay.example.co.ke/payments/stk/callback/t-stk"),
                Map.entry("MPESA_CALLBACK_TOKEN", "t-stk"),
                Map.entry("ADMIN_API_KEY", "t-admin")));

        WhatsAppConfig waba = config.getConfigMapping(WhatsAppConfig.class);
        assertThat(waba.token().map(SecretValue::reveal)).contains("t-waba");
        assertThat(waba.phoneId()).contains("106540352242922");
        assertThat(waba.verifyToken().map(SecretValue::reveal)).contains("t-verify");
        assertThat(waba.appSecret().map(SecretValue::reveal)).contains("t-app-secret");
        assertThat(waba.apiVersion()).isEqualTo("v26.0");
        assertThat(waba.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8089"));
        assertThat(waba.invoiceTemplate()).contains("invoice_v2");
        assertThat(waba.invoiceTemplateLanguage()).isEqualTo("en_US");
        assertThat(waba.merchantTemplate()).contains("merchant_notice_v1");
        assertThat(waba.merchantTemplateLanguage()).isEqualTo("en_GB");
        assertThat(waba.pairInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(waba.throughput()).isEqualTo(1000);
        assertThat(waba.webhook().workers()).isEqualTo(8);
        assertThat(waba.webhook().queue()).isEqualTo(5000);
        assertThat(waba.webhook().attempts()).isEqualTo(8);
        assertThat(waba.webhook().retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(waba.webhook().sweepEvery()).isEqualTo("2s");
        assertThat(waba.configured()).isTrue();

        SmsConfig sms = config.getConfigMapping(SmsConfig.class);
        assertThat(sms.username()).contains("sandbox");
        assertThat(sms.apiKey().map(SecretValue::reveal)).contains("t-sms-key");
        assertThat(sms.senderId()).contains("INVOICEIQ");
        assertThat(sms.callbackToken().map(SecretValue::reveal)).contains("t-sms-callback");
        assertThat(sms.effectiveBaseUrl()).isEqualTo(URI.create("https://api.sandbox.africastalking.com"));

        MpesaConfig mpesa = config.getConfigMapping(MpesaConfig.class);
        assertThat(mpesa.env()).isEqualTo(MpesaConfig.Environment.PRODUCTION);
        assertThat(mpesa.effectiveBaseUrl()).isEqualTo(URI.create("https://api.safaricom.co.ke"));
        assertThat(mpesa.consumerKey().map(SecretValue::reveal)).contains("t-consumer-key");
        assertThat(mpesa.consumerSecret().map(SecretValue::reveal)).contains("t-consumer-secret");
        assertThat(mpesa.shortcode()).contains("174379");
        assertThat(mpesa.passkey().map(SecretValue::reveal)).contains("t-passkey");
        assertThat(mpesa.transactionType()).isEqualTo("CustomerBuyGoodsOnline");
        assertThat(mpesa.partyB()).contains("600000");
        assertThat(mpesa.callbackUrl().map(SecretValue::reveal))
                .contains("https://pay.example.co.ke/payments/stk/callback/t-stk");
        assertThat(mpesa.callbackToken().map(SecretValue::reveal)).contains("t-stk");

        assertThat(config.getConfigMapping(AdminConfig.class).apiKey().map(SecretValue::reveal)).contains("t-admin");
    }

    @Test
    void givenTheNextValuesOfARotation_whenMapped_thenEachArrivesBesideTheCurrentOneAndNeverPrints() {
        SmallRyeConfig config = config(Map.of(
                "WABA_VERIFY_TOKEN", "t-verify", "WABA_VERIFY_TOKEN_NEXT", "t-verify-next",
                "WABA_APP_SECRET", "t-app-secret", "WABA_APP_SECRET_NEXT", "t-app-secret-next",
                "SMS_CALLBACK_TOKEN_NEXT", "t-sms-callback-next",
                "MPESA_CALLBACK_TOKEN_NEXT", "t-stk-next",
                "ADMIN_API_KEY_NEXT", "t-admin-next"));

        WhatsAppConfig waba = config.getConfigMapping(WhatsAppConfig.class);
        assertThat(waba.verifyTokenNext().map(SecretValue::reveal)).contains("t-verify-next");
        assertThat(waba.appSecretNext().map(SecretValue::reveal)).contains("t-app-secret-next");
        assertThat(config.getConfigMapping(SmsConfig.class).callbackTokenNext().map(SecretValue::reveal))
                .contains("t-sms-callback-next");
        assertThat(config.getConfigMapping(MpesaConfig.class).callbackTokenNext().map(SecretValue::reveal))
                .contains("t-stk-next");
        AdminConfig admin = config.getConfigMapping(AdminConfig.class);
        assertThat(admin.apiKeyNext().map(SecretValue::reveal)).contains("t-admin-next");
        assertThat(String.valueOf(waba)).doesNotContain("t-verify-next", "t-app-secret-next");
        assertThat(String.valueOf(admin.apiKeyNext())).doesNotContain("t-admin-next");
        assertThat(SecretProducers.rotating(admin.apiKey(), admin.apiKeyNext()).matches("t-admin-next")).isTrue();
    }

    /** A blank token or phone id (an empty environment variable) does not count: the stand-in serves then. */
    @Test
    void givenOnlyPartOfTheAccount_whenMapped_thenWhatsAppIsNotConfigured() {
        assertThat(config(Map.of("WABA_TOKEN", "t-waba")).getConfigMapping(WhatsAppConfig.class).configured())
                .isFalse();
        assertThat(config(Map.of("WABA_PHONE_ID", "106540352242922")).getConfigMapping(WhatsAppConfig.class)
                .configured()).isFalse();
        assertThat(config(Map.of("WABA_TOKEN", " ", "WABA_PHONE_ID", "106540352242922"))
                .getConfigMapping(WhatsAppConfig.class).configured()).isFalse();
    }

    @Test
    void givenExplicitBaseUrls_whenMapped_thenTheyWinOverTheDerivedOnes() {
        SmallRyeConfig config = config(Map.of("SMS_USERNAME", "sandbox", "SMS_BASE_URL", "http://127.0.0.1:9001",
                "MPESA_ENV", "production", "MPESA_BASE_URL", "http://127.0.0.1:9002"));

        assertThat(config.getConfigMapping(SmsConfig.class).effectiveBaseUrl())
                .isEqualTo(URI.create("http://127.0.0.1:9001"));
        assertThat(config.getConfigMapping(MpesaConfig.class).effectiveBaseUrl())
                .isEqualTo(URI.create("http://127.0.0.1:9002"));
    }

    @Test
    void givenALiveUsername_whenMapped_thenTheLiveSmsApi() {
        SmsConfig sms = config(Map.of("SMS_USERNAME", "invoiceiq")).getConfigMapping(SmsConfig.class);

        assertThat(sms.isSandbox()).isFalse();
        assertThat(sms.effectiveBaseUrl()).isEqualTo(URI.create("https://api.africastalking.com"));
    }

    @Test
    void givenAnUnknownMpesaEnvironment_whenMapped_thenStartupFailsNamingTheKey() {
        assertThatThrownBy(() -> config(Map.of("MPESA_ENV", "live")))
                .hasMessageContaining("mpesa.env");
    }

    @Test
    void givenSecrets_whenPrinted_thenTheValueNeverShows() {
        SmallRyeConfig config = config(Map.of("WABA_APP_SECRET", "t-app-secret", "MPESA_PASSKEY", "t-passkey",
                "ADMIN_API_KEY", "t-admin"));

        WhatsAppConfig waba = config.getConfigMapping(WhatsAppConfig.class);
        MpesaConfig mpesa = config.getConfigMapping(MpesaConfig.class);
        AdminConfig admin = config.getConfigMapping(AdminConfig.class);
        assertThat(String.valueOf(waba.appSecret())).doesNotContain("t-app-secret");
        assertThat(String.valueOf(waba)).doesNotContain("t-app-secret");
        assertThat(String.valueOf(mpesa)).doesNotContain("t-passkey");
        assertThat(String.valueOf(mpesa.passkey())).doesNotContain("t-passkey");
        assertThat(String.valueOf(admin.apiKey())).doesNotContain("t-admin");
    }
}

