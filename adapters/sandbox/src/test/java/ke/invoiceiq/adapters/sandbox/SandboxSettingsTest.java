package ke.invoiceiq.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The no-WhatsApp range: numbers the simulated WhatsApp cannot reach, so the SMS fallback shows. */
class SandboxSettingsTest {

    static SandboxSettings withPrefixes(List<String> prefixes) {
        return new SandboxSettings(true, prefixes, Duration.ofSeconds(20), Duration.ofSeconds(2),
                Duration.ofSeconds(1), 200, new Msisdn("254700000001"), "Shop", null, Optional.of("secret"),
                Optional.of("stk"), Optional.of("sms"));
    }

    @ParameterizedTest(name = "{0} on WhatsApp: {1}")
    @CsvSource({
            "254791234567, false",
            "254799999999, false",
            "254790000000, false",
            "254712345678, true",
            "254711000000, true",
            "254780000000, true",
            "254110000000, true",
            "254700000001, true"})
    void givenTheDefaultRange_whenANumberIsChecked_thenOnly25479IsOffWhatsApp(String number, boolean onWhatsApp) {
        assertThat(withPrefixes(List.of("25479")).hasWhatsApp(new Msisdn(number))).isEqualTo(onWhatsApp);
    }

    @Test
    void givenTheFreshNumbersOfTheApplicationTests_thenTheDefaultRangeNeverCatchesThem() {
        // bootstrap's Customers.fresh() hands out 25471…
        assertThat(withPrefixes(List.of("25479")).hasWhatsApp(new Msisdn("254710000000"))).isTrue();
        assertThat(withPrefixes(List.of("25479")).hasWhatsApp(new Msisdn("254719999999"))).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"25479, 25479", "079, 25479", "79, 25479", "+254 79, 25479", "0110, 254110", "2547 98, 254798"})
    void givenAPrefixAsAMerchantTypesIt_thenItIsTheCanonicalForm(String typed, String canonical) {
        assertThat(withPrefixes(List.of(typed)).noWhatsAppPrefixes()).containsExactly(canonical);
    }

    @Test
    void givenSeveralPrefixes_thenEachIsOffWhatsApp() {
        SandboxSettings settings = withPrefixes(List.of("25479", "0110"));
        assertThat(settings.hasWhatsApp(new Msisdn("254791111111"))).isFalse();
        assertThat(settings.hasWhatsApp(new Msisdn("254110111111"))).isFalse();
        assertThat(settings.hasWhatsApp(new Msisdn("254111111111"))).isTrue();
    }

    @Test
    void givenAPrefixThatIsNotDigits_thenTheSettingIsRefusedByName() {
        assertThatThrownBy(() -> withPrefixes(List.of("07x")))
                .hasMessageContaining("invoiceiq.sandbox.no-whatsapp-prefixes");
    }

    @Test
    void givenNoPhoneNumberIdAndBlankSecrets_thenTheSandboxIdAndNoSecrets() {
        SandboxSettings settings = new SandboxSettings(true, List.of(), Duration.ZERO, Duration.ZERO, Duration.ZERO,
                1, new Msisdn("254700000001"), "Shop", " ", Optional.of(" "), Optional.empty(), Optional.of(""));
        assertThat(settings.phoneNumberId()).isEqualTo(SandboxSettings.SANDBOX_PHONE_NUMBER_ID);
        assertThat(settings.appSecret()).isEmpty();
        assertThat(settings.smsCallbackToken()).isEmpty();
        assertThat(settings.hasWhatsApp(new Msisdn("254791234567"))).isTrue();
    }
}
