package ke.invoiceiq.application.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.application.settings.C2bSettings;
import ke.invoiceiq.domain.payment.C2bRegistration;
import ke.invoiceiq.domain.payment.C2bUrlRegistry;
import ke.invoiceiq.domain.payment.TillMatching;
import org.junit.jupiter.api.Test;

/** Registering our C2B URLs: one call per configured short code, nothing when C2B is off or has no public URL. */
class RegisterC2bUrlsServiceTest {

    private final List<C2bRegistration> asked = new ArrayList<>();
    private final C2bUrlRegistry registry = registration -> {
        asked.add(registration);
        return new C2bRegistration.Outcome.Registered("success");
    };

    private static C2bSettings settings(Optional<String> paybill, Optional<String> till, Optional<String> url) {
        return new C2bSettings(paybill, till, false, new TillMatching(TillMatching.DEFAULT_WINDOW),
                C2bRegistration.WhenUnreachable.CANCELLED, url.map(u -> u + "/confirmation/t"),
                url.map(u -> u + "/validation/t"), 10);
    }

    @Test
    void givenAPaybillAndATill_whenRegistered_thenEachIsRegisteredWithOurUrls() {
        var outcome = new RegisterC2bUrlsService(registry, settings(Optional.of("600100"), Optional.of("5123456"),
                Optional.of("https://pay.example/payments/c2b"))).register();

        assertThat(outcome).isInstanceOfSatisfying(RegisterC2bUrlsUseCase.Outcome.Done.class,
                done -> assertThat(done.shortCodes()).extracting(RegisterC2bUrlsUseCase.ShortCodeOutcome::shortCode)
                        .containsExactly("600100", "5123456"));
        assertThat(asked).extracting(C2bRegistration::confirmationUrl)
                .containsOnly("https://pay.example/payments/c2b/confirmation/t");
        assertThat(asked).extracting(C2bRegistration::whenUnreachable)
                .containsOnly(C2bRegistration.WhenUnreachable.CANCELLED);
    }

    @Test
    void givenC2bOff_whenRegistered_thenNotConfiguredAndNothingAsked() {
        assertThat(new RegisterC2bUrlsService(registry, C2bSettings.OFF).register())
                .isInstanceOf(RegisterC2bUrlsUseCase.Outcome.NotConfigured.class);
        assertThat(new RegisterC2bUrlsService(registry, settings(Optional.of("600100"), Optional.empty(),
                Optional.empty())).register()).isInstanceOf(RegisterC2bUrlsUseCase.Outcome.NotConfigured.class);
        assertThat(asked).isEmpty();
    }
}
