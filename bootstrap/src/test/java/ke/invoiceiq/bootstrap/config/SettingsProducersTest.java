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
}
