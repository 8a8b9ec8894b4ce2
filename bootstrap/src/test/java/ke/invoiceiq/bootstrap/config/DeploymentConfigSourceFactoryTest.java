package ke.invoiceiq.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The factory inside a real SmallRye configuration: DATABASE_URL becomes the datasource keys below the environment,
 * and the prod profile refuses to build without its settings. The packaged application is tested the same way by
 * {@code ProductionStartupIT}.
 */
class DeploymentConfigSourceFactoryTest {

    static final String URL = "quarkus.datasource.jdbc.url";
    static final String USER = "quarkus.datasource.username";
    static final String PASSWORD = "quarkus.datasource.password";

    static SmallRyeConfig config(String profile, Map<String, String> environment, boolean starting) {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new EnvConfigSource(environment, 300))
                .withSources(new PropertiesConfigSource(Map.of(
                        "invoiceiq.merchant.numbers", "${MERCHANT_MSISDN:}",
                        "%dev.invoiceiq.merchant.numbers", "${MERCHANT_MSISDN:254700000001}",
                        "invoiceiq.base-url", "${BASE_URL:}",
                        URL, "jdbc:postgresql://from-application-properties/app"), "application.properties", 250))
                .withSources(new DeploymentConfigSourceFactory(() -> starting))
                .build();
    }

    static String value(SmallRyeConfig config, String key) {
        return config.getConfigValue(key).getValue();
    }

    static Map<String, String> productionEnvironment() {
        Map<String, String> env = new HashMap<>();
        for (String name : new String[] {"WABA_TOKEN", "WABA_VERIFY_TOKEN", "WABA_APP_SECRET", "SMS_USERNAME",
                "SMS_API_KEY", "MPESA_CONSUMER_KEY", "MPESA_CONSUMER_SECRET", "MPESA_PASSKEY", "ADMIN_API_KEY"}) {
            env.put(name, "x-" + name.toLowerCase());
        }
        env.put("WABA_PHONE_ID", "106540352242922");
        env.put("SMS_CALLBACK_TOKEN", "x-sms-callback");
        env.put("MPESA_SHORTCODE", "174379");
        env.put("MPESA_CALLBACK_TOKEN", "x-stk");
        env.put("MPESA_CALLBACK_URL", "https://pay.example.co.ke/payments/stk/callback/x-stk");
        env.put("MERCHANT_MSISDN", "254712345678");
        env.put("BASE_URL", "https://pay.example.co.ke");
        env.put("DATABASE_URL", "postgres://app:x-db-password@db.internal/invoiceiq?sslmode=require");
        return env;
    }

    @Test
    void givenDatabaseUrl_whenConfigured_thenItBecomesTheDatasourceAboveApplicationProperties() {
        SmallRyeConfig config = config("dev",
                Map.of("DATABASE_URL", "postgres://app:p%40ss@db.internal/invoiceiq?sslmode=require"), true);

        assertThat(value(config, URL)).isEqualTo("jdbc:postgresql://db.internal:5432/invoiceiq?sslmode=require");
        assertThat(value(config, USER)).isEqualTo("app");
        assertThat(value(config, PASSWORD)).isEqualTo("p@ss");
        assertThat(config.getConfigValue(URL).getSourceOrdinal()).isEqualTo(DeploymentConfigSourceFactory.ORDINAL);
    }

    @Test
    void givenQuarkusOwnDatasourceVariablesToo_whenConfigured_thenTheyWinKeyByKey() {
        SmallRyeConfig config = config("dev", Map.of(
                "DATABASE_URL", "postgres://app:from-database-url@db.internal/invoiceiq",
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://explicit:5432/other",
                "QUARKUS_DATASOURCE_USERNAME", "explicit-user"), true);

        assertThat(value(config, URL)).isEqualTo("jdbc:postgresql://explicit:5432/other");
        assertThat(value(config, USER)).isEqualTo("explicit-user");
        assertThat(value(config, PASSWORD)).isEqualTo("from-database-url");
    }

    @Test
    void givenNoDatabaseUrl_whenConfigured_thenTheOtherSourcesDecide() {
        SmallRyeConfig config = config("dev", Map.of(), true);

        assertThat(value(config, URL)).isEqualTo("jdbc:postgresql://from-application-properties/app");
        assertThat(value(config, USER)).isNull();
    }

    @Test
    void givenABadDatabaseUrl_whenConfigured_thenTheErrorNamesItWithoutThePassword() {
        assertThatThrownBy(() -> config("dev", Map.of("DATABASE_URL", "postgres://app:Sup3rS3cret@db:port/app"), true))
                .isInstanceOf(DatabaseUrl.InvalidDatabaseUrlException.class)
                .hasMessageContaining("DATABASE_URL")
                .hasMessageNotContaining("Sup3rS3cret");
    }

    @Test
    void givenProdWithEverySetting_whenConfigured_thenItBuilds() {
        SmallRyeConfig config = config("prod", productionEnvironment(), true);

        assertThat(value(config, URL)).isEqualTo("jdbc:postgresql://db.internal:5432/invoiceiq?sslmode=require");
        assertThat(value(config, "invoiceiq.merchant.numbers")).isEqualTo("254712345678");
    }

    @Test
    void givenProdWithoutTwoSecretsAndTheMerchant_whenConfigured_thenOneMessageNamesExactlyThose() {
        Map<String, String> env = productionEnvironment();
        env.remove("WABA_APP_SECRET");
        env.remove("MPESA_PASSKEY");
        env.remove("MERCHANT_MSISDN");

        assertThatThrownBy(() -> config("prod", env, true))
                .isInstanceOf(RequiredSecrets.ProductionConfigurationException.class)
                .hasMessageContaining("Missing required settings: WABA_APP_SECRET, MPESA_PASSKEY, MERCHANT_MSISDN.")
                .satisfies(e -> env.values().forEach(value -> assertThat(e.getMessage()).doesNotContain(value)));
    }

    @Test
    void givenProdInTheMiddleOfRotatingEverySecret_whenConfigured_thenItBuildsAndTheAppHasBothValues() {
        Map<String, String> env = productionEnvironment();
        for (String name : RequiredSecrets.ROTATABLE) {
            env.put(name + "_NEXT", "x-next-" + name.toLowerCase());
        }
        env.put("MPESA_CALLBACK_URL", "https://pay.example.co.ke/payments/stk/callback/x-next-mpesa_callback_token");

        SmallRyeConfig config = config("prod", env, true);

        assertThat(value(config, "admin.api-key-next")).isEqualTo("x-next-admin_api_key");
        assertThat(value(config, "waba.app-secret-next")).isEqualTo("x-next-waba_app_secret");
    }

    @Test
    void givenProdWithANextValueEqualToTheCurrentOne_whenConfigured_thenRefusedNamingItWithoutTheValue() {
        Map<String, String> env = productionEnvironment();
        env.put("ADMIN_API_KEY_NEXT", env.get("ADMIN_API_KEY"));

        assertThatThrownBy(() -> config("prod", env, true))
                .isInstanceOf(RequiredSecrets.ProductionConfigurationException.class)
                .hasMessageContaining("Invalid settings: ADMIN_API_KEY_NEXT (must differ from ADMIN_API_KEY;")
                .satisfies(e -> env.values().forEach(value -> assertThat(e.getMessage()).doesNotContain(value)));
    }

    @Test
    void givenProdWithQuarkusOwnDatasourceUrl_whenConfigured_thenTheDatabaseIsNotMissing() {
        Map<String, String> env = productionEnvironment();
        env.remove("DATABASE_URL");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db.internal:5432/invoiceiq");

        assertThat(value(config("prod", env, true), URL))
                .isEqualTo("jdbc:postgresql://db.internal:5432/invoiceiq");
    }

    @Test
    void givenDevWithNothing_whenConfigured_thenItBuildsOnTheSandboxDefaults() {
        SmallRyeConfig config = config("dev", Map.of(), true);

        assertThat(value(config, "invoiceiq.merchant.numbers")).isEqualTo("254700000001");
    }

    @Test
    void givenQuarkusBuildingTheApplication_whenConfigured_thenNeitherCheckNorConversionRuns() {
        Map<String, String> env = Map.of("DATABASE_URL", "postgres://app:pw@db/app");

        SmallRyeConfig config = config("prod", env, false);

        assertThat(value(config, URL)).isEqualTo("jdbc:postgresql://from-application-properties/app");
    }
}
