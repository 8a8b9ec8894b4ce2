package ke.invoiceiq.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequiredSecretsTest {

    static final List<String> EVERY_NAME = List.of("WABA_TOKEN", "WABA_PHONE_ID", "WABA_VERIFY_TOKEN",
            "WABA_APP_SECRET", "SMS_USERNAME", "SMS_API_KEY", "SMS_CALLBACK_TOKEN", "MPESA_CONSUMER_KEY",
            "MPESA_CONSUMER_SECRET", "MPESA_SHORTCODE", "MPESA_PASSKEY", "MPESA_CALLBACK_URL", "MPESA_CALLBACK_TOKEN",
            "ADMIN_API_KEY", "MERCHANT_MSISDN", "BASE_URL", "DATABASE_URL or QUARKUS_DATASOURCE_JDBC_URL");

    /** A complete, valid prod configuration, by configuration key (what WABA_TOKEN etc. become). */
    static Map<String, String> complete() {
        Map<String, String> config = new HashMap<>();
        config.put("waba.token", "v-waba-token");
        config.put("waba.phone-id", "106540352242922");
        config.put("waba.verify-token", "v-verify");
        config.put("waba.app-secret", "v-app-secret");
        config.put("sms.username", "invoiceiq");
        config.put("sms.api-key", "v-sms-key");
        config.put("sms.callback-token", "v-sms-callback");
        config.put("mpesa.consumer-key", "v-consumer-key");
        config.put("mpesa.consumer-secret", "v-consumer-secret");
        config.put("mpesa.shortcode", "174379");
        config.put("mpesa.passkey", "v-passkey");
        config.put("mpesa.callback-url", "https://pay.example.co.ke/payments/stk/callback/v-stk-token");
        config.put("mpesa.callback-token", "v-stk-token");
        config.put("admin.api-key", "v-admin-key");
        config.put("invoiceiq.merchant.numbers", "254712345678,0110000000");
        config.put("invoiceiq.base-url", "https://pay.example.co.ke");
        config.put("DATABASE_URL", "postgres://app:v-db-password@db.internal:5432/invoiceiq?sslmode=require");
        return config;
    }

    static Function<String, Optional<String>> lookup(Map<String, String> config) {
        return key -> Optional.ofNullable(config.get(key));
    }

    static Stream<Arguments> missingCases() {
        return Stream.of(
                // keys removed (null) or blanked (""), the names reported
                Arguments.of(Map.of(), List.of()),
                Arguments.of(Map.of("waba.token", ""), List.of("WABA_TOKEN")),
                Arguments.of(Map.of("waba.app-secret", "   "), List.of("WABA_APP_SECRET")),
                Arguments.of(Map.of("mpesa.passkey", "", "sms.api-key", ""), List.of("SMS_API_KEY", "MPESA_PASSKEY")),
                Arguments.of(Map.of("admin.api-key", "", "mpesa.callback-token", ""),
                        List.of("MPESA_CALLBACK_TOKEN", "ADMIN_API_KEY")),
                Arguments.of(Map.of("invoiceiq.merchant.numbers", "", "invoiceiq.base-url", ""),
                        List.of("MERCHANT_MSISDN", "BASE_URL")),
                // Either form of the database will do; neither is missing.
                Arguments.of(Map.of("DATABASE_URL", ""), List.of("DATABASE_URL or QUARKUS_DATASOURCE_JDBC_URL")),
                Arguments.of(Map.of("DATABASE_URL", "", "quarkus.datasource.jdbc.url", "jdbc:postgresql://db/app"),
                        List.of()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("missingCases")
    void givenSettingsRemoved_whenChecked_thenExactlyThoseAreMissing(Map<String, String> changes,
            List<String> missing) {
        Map<String, String> config = complete();
        config.putAll(changes);

        assertThat(RequiredSecrets.missing(lookup(config))).containsExactlyElementsOf(missing);
        assertThat(RequiredSecrets.invalid(lookup(config))).isEmpty();
    }

    @Test
    void givenNothingSet_whenChecked_thenEveryNameIsMissingInOrder() {
        assertThat(RequiredSecrets.missing(key -> Optional.empty())).containsExactlyElementsOf(EVERY_NAME);
        assertThat(RequiredSecrets.IN_PROD).extracting(RequiredSecrets.Requirement::name)
                .containsExactlyElementsOf(EVERY_NAME);
    }

    @Test
    void givenEveryEnvironmentName_thenItReadsTheKeySmallRyeMapsItTo() {
        assertThat(RequiredSecrets.IN_PROD).filteredOn(r -> r.name().startsWith("WABA_APP"))
                .singleElement().extracting(RequiredSecrets.Requirement::keys).isEqualTo(List.of("waba.app-secret"));
        assertThat(RequiredSecrets.IN_PROD).filteredOn(r -> r.name().equals("MPESA_CALLBACK_URL"))
                .singleElement().extracting(RequiredSecrets.Requirement::keys)
                .isEqualTo(List.of("mpesa.callback-url"));
        assertThat(RequiredSecrets.IN_PROD).filteredOn(r -> r.name().equals("ADMIN_API_KEY"))
                .singleElement().extracting(RequiredSecrets.Requirement::keys).isEqualTo(List.of("admin.api-key"));
    }

    static Stream<Arguments> invalidCases() {
        return Stream.of(
                // key, value, the problem reported
                Arguments.of("mpesa.shortcode", "17437", null),
                Arguments.of("mpesa.shortcode", "1743790", null),
                Arguments.of("mpesa.shortcode", "1743", "MPESA_SHORTCODE (must be 5 to 7 digits)"),
                Arguments.of("mpesa.shortcode", "17437a", "MPESA_SHORTCODE (must be 5 to 7 digits)"),
                Arguments.of("mpesa.party-b", "600000", null),
                Arguments.of("mpesa.party-b", "till-1", "MPESA_PARTY_B (must be 5 to 7 digits)"),
                Arguments.of("waba.phone-id", "+254 700", "WABA_PHONE_ID (must be the phone number id: digits only)"),
                Arguments.of("mpesa.env", "PRODUCTION", null),
                Arguments.of("mpesa.env", "live", "MPESA_ENV (must be sandbox or production)"),
                Arguments.of("mpesa.transaction-type", "CustomerBuyGoodsOnline", null),
                Arguments.of("mpesa.transaction-type", "paybill",
                        "MPESA_TRANSACTION_TYPE (must be CustomerPayBillOnline or CustomerBuyGoodsOnline)"),
                Arguments.of("mpesa.callback-url", "https://pay.example.co.ke/api/payments/stk/callback/v-stk-token",
                        null),
                Arguments.of("mpesa.callback-url", "http://pay.example.co.ke/payments/stk/callback/v-stk-token",
                        "MPESA_CALLBACK_URL (must be an absolute https:// URL; Daraja only calls HTTPS)"),
                Arguments.of("mpesa.callback-url", "/payments/stk/callback/v-stk-token",
                        "MPESA_CALLBACK_URL (must be an absolute https:// URL; Daraja only calls HTTPS)"),
                Arguments.of("mpesa.callback-url", "https://pay.example.co.ke/payments/stk/callback/",
                        "MPESA_CALLBACK_URL (must end with /payments/stk/callback/{MPESA_CALLBACK_TOKEN})"),
                Arguments.of("mpesa.callback-url", "https://pay.example.co.ke/mpesa/callback",
                        "MPESA_CALLBACK_URL (must end with /payments/stk/callback/{MPESA_CALLBACK_TOKEN})"),
                Arguments.of("mpesa.callback-url", "https://pay.example.co.ke/payments/stk/callback/other-token",
                        "MPESA_CALLBACK_URL (must end with /payments/stk/callback/ followed by exactly the value of "
                                + "MPESA_CALLBACK_TOKEN)"),
                Arguments.of("mpesa.callback-url", "https://pay.example.co.ke/payments/stk/callback/v-stk-token?x=1",
                        "MPESA_CALLBACK_URL (must not have a query or fragment)"),
                Arguments.of("invoiceiq.base-url", "http://pay.example.co.ke",
                        "BASE_URL (must be the public https:// URL of this service, without query or fragment)"),
                Arguments.of("invoiceiq.base-url", "pay.example.co.ke",
                        "BASE_URL (must be the public https:// URL of this service, without query or fragment)"),
                Arguments.of("invoiceiq.merchant.numbers", "254712345678, +447911123456",
                        "MERCHANT_MSISDN (entry 2 of 2 is not a Kenyan M-PESA number such as 2547XXXXXXXX)"),
                Arguments.of("invoiceiq.merchant.numbers", " , ",
                        "MERCHANT_MSISDN (give at least one staff number, e.g. 2547XXXXXXXX)"),
                Arguments.of("sms.base-url", "http://127.0.0.1:8089", null),
                Arguments.of("sms.base-url", "api.africastalking.com",
                        "SMS_BASE_URL (must be an absolute http:// or https:// URL)"),
                Arguments.of("DATABASE_URL", "mysql://app:v-db-password@db/app", "DATABASE_URL (not a postgres:// "
                        + "URL: it does not start with postgres:// or postgresql://)"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("invalidCases")
    void givenAMalformedSetting_whenChecked_thenItIsNamedWithoutItsValue(String key, String value, String problem) {
        Map<String, String> config = complete();
        config.put(key, value);

        List<String> invalid = RequiredSecrets.invalid(lookup(config));

        if (problem == null) {
            assertThat(invalid).isEmpty();
        } else {
            assertThat(invalid).containsExactly(problem);
            assertThat(String.join(" ", invalid)).doesNotContain("v-stk-token", "v-db-password", "447911123456");
        }
        assertThat(RequiredSecrets.missing(lookup(config))).isEmpty();
    }

    /** Every rotatable credential with a next value, and the callback URL already switched to the next token. */
    static Map<String, String> midRotation() {
        Map<String, String> config = complete();
        config.put("waba.verify-token-next", "v-verify-next");
        config.put("waba.app-secret-next", "v-app-secret-next");
        config.put("sms.callback-token-next", "v-sms-callback-next");
        config.put("mpesa.callback-token-next", "v-stk-token-next");
        config.put("mpesa.callback-url", "https://pay.example.co.ke/payments/stk/callback/v-stk-token-next");
        config.put("admin.api-key-next", "v-admin-key-next");
        return config;
    }

    @Test
    void givenANextValueForEveryRotatableSecretAndTheCallbackUrlOnTheNextToken_whenRequired_thenNothingHappens() {
        assertThat(RequiredSecrets.problems(lookup(midRotation()))).isEmpty();
    }

    @Test
    void givenNextValuesEqualToTheCurrentOnes_whenChecked_thenEachIsNamedWithoutItsValue() {
        Map<String, String> config = complete();
        for (String name : RequiredSecrets.ROTATABLE) {
            String key = RequiredSecrets.key(name);
            config.put(RequiredSecrets.key(name + "_NEXT"), " " + config.get(key) + " ");
        }

        List<String> invalid = RequiredSecrets.invalid(lookup(config));

        assertThat(invalid).containsExactly(
                "WABA_VERIFY_TOKEN_NEXT (must differ from WABA_VERIFY_TOKEN; unset it once it has been promoted)",
                "WABA_APP_SECRET_NEXT (must differ from WABA_APP_SECRET; unset it once it has been promoted)",
                "SMS_CALLBACK_TOKEN_NEXT (must differ from SMS_CALLBACK_TOKEN; unset it once it has been promoted)",
                "MPESA_CALLBACK_TOKEN_NEXT (must differ from MPESA_CALLBACK_TOKEN; unset it once it has been promoted)",
                "ADMIN_API_KEY_NEXT (must differ from ADMIN_API_KEY; unset it once it has been promoted)");
        assertThat(String.join(" ", invalid)).doesNotContain("v-verify", "v-app-secret", "v-sms-callback",
                "v-stk-token", "v-admin-key");
    }

    @Test
    void givenABlankNextValue_whenChecked_thenItCountsAsUnset() {
        Map<String, String> config = complete();
        config.put("admin.api-key-next", "  ");

        assertThat(RequiredSecrets.problems(lookup(config))).isEmpty();
    }

    @Test
    void givenANextCallbackTokenAndACallbackUrlOnNeither_whenChecked_thenTheUrlIsNamed() {
        Map<String, String> config = midRotation();
        config.put("mpesa.callback-url", "https://pay.example.co.ke/payments/stk/callback/v-stk-token-other");

        assertThat(RequiredSecrets.invalid(lookup(config))).containsExactly("MPESA_CALLBACK_URL (must end with "
                + "/payments/stk/callback/ followed by exactly the value of MPESA_CALLBACK_TOKEN or of "
                + "MPESA_CALLBACK_TOKEN_NEXT)");
    }

    @Test
    void givenACompleteConfiguration_whenRequired_thenNothingHappens() {
        assertThat(RequiredSecrets.problems(lookup(complete()))).isEmpty();
        RequiredSecrets.requireAll(lookup(complete()));
    }

    @Test
    void givenMissingAndInvalidSettings_whenRequired_thenOneMessageNamesEachAndShowsNoValue() {
        Map<String, String> config = complete();
        config.remove("waba.app-secret");
        config.remove("mpesa.passkey");
        config.put("mpesa.shortcode", "v-not-digits");
        config.put("DATABASE_URL", "postgres://app:v-db-password@db:port/app");

        assertThatThrownBy(() -> RequiredSecrets.requireAll(lookup(config)))
                .isInstanceOf(RequiredSecrets.ProductionConfigurationException.class)
                .hasMessage("InvoiceIQ refuses to start in the prod profile. Missing required settings: "
                        + "WABA_APP_SECRET, MPESA_PASSKEY. Invalid settings: MPESA_SHORTCODE (must be 5 to 7 digits); "
                        + "DATABASE_URL (not a postgres:// URL: the port is not a number from 1 to 65535 (a password "
                        + "with '/', '?', '#' or '@' must be percent-encoded)). Set them as environment variables "
                        + "(see docs/configuration.md); values are never shown.");
    }

    @Test
    void givenNothingSet_whenRequired_thenOneSentenceNamesEverySetting() {
        assertThatThrownBy(() -> RequiredSecrets.requireAll(key -> Optional.empty()))
                .hasMessageContaining("Missing required settings: " + String.join(", ", EVERY_NAME) + ".")
                .hasMessageNotContaining("Invalid settings");
    }
}
