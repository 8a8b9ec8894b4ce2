package ke.invoiceiq.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The prod profile refuses the offline sandbox: its simulated providers must never serve real customers. */
class RequiredSecretsSandboxTest {

    static final String REFUSAL = "INVOICEIQ_SANDBOX (the offline sandbox simulates WhatsApp, SMS and M-PESA and must "
            + "be off in prod: unset it or set it to false)";

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "INVOICEIQ_SANDBOX, true",
            "INVOICEIQ_SANDBOX, TRUE",
            "INVOICEIQ_SANDBOX, 1",
            "INVOICEIQ_SANDBOX, yes",
            "INVOICEIQ_SANDBOX, on",
            "INVOICEIQ_SANDBOX, maybe",
            // what application.properties maps INVOICEIQ_SANDBOX onto, also set by INVOICEIQ_SANDBOX_ENABLED or -D
            "invoiceiq.sandbox.enabled, true"})
    void givenTheSandboxOn_whenProdIsChecked_thenItIsRefusedByNameWithoutItsValue(String key, String value) {
        Map<String, String> config = RequiredSecretsTest.complete();
        config.put(key, value);

        assertThat(RequiredSecrets.missing(RequiredSecretsTest.lookup(config))).isEmpty();
        assertThat(RequiredSecrets.invalid(RequiredSecretsTest.lookup(config))).containsExactly(REFUSAL);
        assertThatThrownBy(() -> RequiredSecrets.requireAll(RequiredSecretsTest.lookup(config)))
                .isInstanceOf(RequiredSecrets.ProductionConfigurationException.class)
                .hasMessage("InvoiceIQ refuses to start in the prod profile. Invalid settings: " + REFUSAL
                        + ". Set them as environment variables (see docs/configuration.md); values are never shown.");
    }

    @ParameterizedTest(name = "INVOICEIQ_SANDBOX=\"{0}\"")
    @ValueSource(strings = {"false", "FALSE", "0", "no", "off", "", "  "})
    void givenTheSandboxOffOrUnset_whenProdIsChecked_thenNothingIsSaid(String value) {
        Map<String, String> config = RequiredSecretsTest.complete();
        config.put("INVOICEIQ_SANDBOX", value);
        config.put("invoiceiq.sandbox.enabled", value.isBlank() ? "false" : value);

        assertThat(RequiredSecrets.problems(RequiredSecretsTest.lookup(config))).isEmpty();
    }

    @Test
    void givenTheSandboxOnAndASecretMissing_whenProdIsChecked_thenOneMessageNamesBoth() {
        Map<String, String> config = RequiredSecretsTest.complete();
        config.remove("waba.app-secret");
        config.put("INVOICEIQ_SANDBOX", "true");

        assertThat(RequiredSecrets.problems(RequiredSecretsTest.lookup(config))).hasValueSatisfying(message ->
                assertThat(message).contains("Missing required settings: WABA_APP_SECRET.",
                        "Invalid settings: " + REFUSAL + "."));
    }
}
