package ke.invoiceiq.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.api.Test;

/**
 * The deployment's variable names reach the settings records. A test profile cannot set real environment
 * variables, but a config source of the same name feeds the same {@code ${MERCHANT_MSISDN:…}} expressions.
 */
@QuarkusTest
@TestProfile(MerchantEnvironmentTest.Deployment.class)
class MerchantEnvironmentTest {

    public static final class Deployment implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "MERCHANT_MSISDN", "0712 345 678,+254110000000",
                    "MERCHANT_NAME", "Mama Njeri Cleaning",
                    "BASE_URL", "https://pay.example.co.ke/",
                    "invoiceiq.payment.cooldown", "3m");
        }
    }

    @Inject
    MerchantSettings merchant;

    @Inject
    PaymentSettings payment;

    @Test
    void givenTheDeploymentVariables_whenStarted_thenTheMerchantSettingsCarryThem() {
        assertThat(merchant.staffNumbers())
                .containsExactlyInAnyOrder(new Msisdn("254712345678"), new Msisdn("254110000000"));
        assertThat(merchant.businessName()).isEqualTo("Mama Njeri Cleaning");
        assertThat(merchant.baseUrl()).isEqualTo("https://pay.example.co.ke");
    }

    @Test
    void givenAShortFormDuration_whenStarted_thenItIsRead() {
        assertThat(payment.cooldown()).isEqualTo(Duration.ofMinutes(3));
    }
}
