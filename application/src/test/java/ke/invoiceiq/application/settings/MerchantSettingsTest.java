package ke.invoiceiq.application.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Set;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MerchantSettingsTest {

    private static final Set<Msisdn> STAFF = Set.of(new Msisdn("254700000001"));

    @ParameterizedTest(name = "[{index}] \"{0}\" is refused")
    @ValueSource(strings = {"Mama Njeri\u202E Cleaning", "\u200FMama Njeri", "Mama\u2066Njeri\u2069", "Mama\u200BNjeri",
            "Mama\u061CNjeri", "Mama\uFEFFNjeri"})
    void givenABusinessNameWithHiddenFormatting_whenConfigured_thenStartupIsRefused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> new MerchantSettings(STAFF, name, "https://pay.example"))
                .withMessageContaining("business name contains hidden characters");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is kept")
    @ValueSource(strings = {"Mama Njeri Cleaning", "Zoë's Cakes 🎂", "Family Shop 👨‍👩‍👧"})
    void givenAnOrdinaryBusinessName_whenConfigured_thenItIsKept(String name) {
        assertThat(new MerchantSettings(STAFF, name, "https://pay.example").businessName()).isEqualTo(name);
    }
}
