package ke.invoiceiq.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import ke.invoiceiq.domain.copy.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The settings that decide how customers are told to pay: the Paybill (MPESA_C2B_PAYBILL), whether SMS replies reach
 * the service (SMS_REPLIES_REACH_US, else derived from the sender and the callback token), and the merchant's
 * language (MERCHANT_LANGUAGE).
 */
class CustomerPaySettingsTest {

    static Stream<Arguments> replies() {
        return Stream.of(
                Arguments.of("nothing set", Map.of(), false, false),
                Arguments.of("nothing set, the sandbox plays SMS", Map.of(), true, true),
                Arguments.of("shortcode and callback token", Map.of("SMS_SENDER_ID", "22384",
                        "SMS_CALLBACK_TOKEN", "t"), false, true),
                Arguments.of("alphanumeric sender and callback token", Map.of("SMS_SENDER_ID", "INVOICEIQ",
                        "SMS_CALLBACK_TOKEN", "t"), false, false),
                Arguments.of("callback token, AT's shared sender", Map.of("SMS_CALLBACK_TOKEN", "t"), false, false),
                Arguments.of("shortcode without callback token", Map.of("SMS_SENDER_ID", "22384"), false, false),
                Arguments.of("said so, alphanumeric sender", Map.of("SMS_SENDER_ID", "INVOICEIQ",
                        "SMS_REPLIES_REACH_US", "true"), false, true),
                Arguments.of("said not, shortcode and token", Map.of("SMS_SENDER_ID", "22384",
                        "SMS_CALLBACK_TOKEN", "t", "SMS_REPLIES_REACH_US", "false"), false, false),
                Arguments.of("said not, sandbox", Map.of("SMS_REPLIES_REACH_US", "false"), true, false));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("replies")
    void givenTheSmsSetUp_whenRead_thenRepliesReachUsOnlyWhenAPhoneCanAnswerTheSender(String name,
            Map<String, String> environment, boolean sandboxSms, boolean expected) {
        SmsConfig sms = ProviderConfigTest.config(environment).getConfigMapping(SmsConfig.class);

        assertThat(sms.repliesReachUs(sandboxSms)).isEqualTo(expected);
    }

    @Test
    void givenAPaybill_whenMapped_thenItArrivesAndIsAbsentByDefault() {
        var env = new HashMap<String, String>();
        assertThat(ProviderConfigTest.config(env).getConfigMapping(MpesaConfig.class).c2b().paybill()).isEmpty();

        env.put("MPESA_C2B_PAYBILL", "123456");

        assertThat(ProviderConfigTest.config(env).getConfigMapping(MpesaConfig.class).c2b().paybill())
                .isEqualTo(Optional.of("123456"));
    }

    @Test
    void givenTheMerchantLanguage_whenRead_thenEnOrSwElseStartupStopsNamingTheKey() {
        assertThat(SettingsProducers.merchantLanguage("sw")).isEqualTo(Language.SW);
        assertThat(SettingsProducers.merchantLanguage("en")).isEqualTo(Language.EN);
        assertThatThrownBy(() -> SettingsProducers.merchantLanguage("fr"))
                .isInstanceOf(SettingsProducers.InvalidSettingException.class)
                .hasMessageContaining("invoiceiq.merchant.language (MERCHANT_LANGUAGE)");
    }
}
