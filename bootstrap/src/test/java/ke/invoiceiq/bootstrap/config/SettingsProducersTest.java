package ke.invoiceiq.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import ke.invoiceiq.application.settings.LanguageSettings;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.api.Test;

class SettingsProducersTest {

    @Test
    void givenNumbersInEveryAcceptedForm_whenParsed_thenCanonicalAndDeduplicated() {
        var numbers = SettingsProducers.merchantNumbers(
                List.of(" 0712 345 678", "+254712345678", "0110-000-000", ""));

        assertThat(numbers).containsExactlyInAnyOrder(new Msisdn("254712345678"), new Msisdn("254110000000"));
    }

    @Test
    void givenABadNumber_whenParsed_thenStartupFailsNamingTheKeyAndPositionButNotTheValue() {
        assertThatThrownBy(() -> SettingsProducers.merchantNumbers(List.of("254712345678", "+447911123456")))
                .isInstanceOf(SettingsProducers.InvalidSettingException.class)
                .hasMessageContaining("invoiceiq.merchant.numbers")
                .hasMessageContaining("MERCHANT_MSISDN")
                .hasMessageContaining("entry 2 of 2")
                .hasMessageNotContaining("447911123456")
                .hasMessageNotContaining("254712345678");
    }

    @Test
    void givenNoNumbers_whenParsed_thenStartupFailsNamingTheKey() {
        assertThatThrownBy(() -> SettingsProducers.merchantNumbers(List.of(" ", "")))
                .isInstanceOf(SettingsProducers.InvalidSettingException.class)
                .hasMessageContaining("invoiceiq.merchant.numbers (MERCHANT_MSISDN) is empty");
    }

    @Test
    void givenLanguageTags_whenRead_thenTheMerchantsAndTheCustomersDefaultAreSet() {
        assertThat(SettingsProducers.languages("sw", " EN ")).isEqualTo(new LanguageSettings(Language.SW, Language.EN));
        assertThat(SettingsProducers.languages("en", "sw")).isEqualTo(new LanguageSettings(Language.EN, Language.SW));
    }

    @Test
    void givenAnUnknownLanguage_whenRead_thenStartupFailsNamingTheKeys() {
        assertThatThrownBy(() -> SettingsProducers.languages("en", "sw-KE"))
                .isInstanceOf(SettingsProducers.InvalidSettingException.class)
                .hasMessageContaining("CUSTOMER_DEFAULT_LANGUAGE").hasMessageContaining("en or sw");
        assertThatThrownBy(() -> SettingsProducers.languages("kiswahili", "en"))
                .isInstanceOf(SettingsProducers.InvalidSettingException.class)
                .hasMessageContaining("MERCHANT_LANGUAGE");
    }

    @Test
    void givenNoPaybillNorTill_whenC2bIsRead_thenItIsOffAndStartupGoesOn() {
        var c2b = SettingsProducers.c2b(java.util.Optional.empty(), java.util.Optional.of(" "), false, "Completed",
                java.time.Duration.ofDays(7), "https://pay.example", java.util.Optional.empty());

        assertThat(c2b.enabled()).isFalse();
        assertThat(c2b.confirmationUrl()).isEmpty();
    }

    @Test
    void givenAPaybillABaseUrlAndTheCallbackToken_whenC2bIsRead_thenTheUrlsEndInTheToken() {
        var c2b = SettingsProducers.c2b(java.util.Optional.of("600100"), java.util.Optional.empty(), true,
                "cancelled", java.time.Duration.ofDays(3), "https://pay.example/", java.util.Optional.of("t0k3n"));

        assertThat(c2b.enabled()).isTrue();
        assertThat(c2b.confirmationUrl()).contains("https://pay.example/payments/c2b/confirmation/t0k3n");
        assertThat(c2b.validationUrl()).contains("https://pay.example/payments/c2b/validation/t0k3n");
        assertThat(c2b.whenUnreachable()).isEqualTo(ke.invoiceiq.domain.payment.C2bRegistration.WhenUnreachable.CANCELLED);
    }

    @Test
    void givenABadShortCodeOrResponseType_whenC2bIsRead_thenStartupFailsNamingTheKeys() {
        assertThatThrownBy(() -> SettingsProducers.c2b(java.util.Optional.of("12"), java.util.Optional.empty(), false,
                "Completed", java.time.Duration.ofDays(7), "https://pay.example", java.util.Optional.empty()))
                .isInstanceOf(SettingsProducers.InvalidSettingException.class).hasMessageContaining("MPESA_C2B_");
        assertThatThrownBy(() -> SettingsProducers.c2b(java.util.Optional.of("600100"), java.util.Optional.empty(),
                false, "Maybe", java.time.Duration.ofDays(7), "https://pay.example", java.util.Optional.empty()))
                .isInstanceOf(SettingsProducers.InvalidSettingException.class).hasMessageContaining("response-type");
    }
}
