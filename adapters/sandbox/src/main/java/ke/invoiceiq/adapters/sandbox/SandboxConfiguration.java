package ke.invoiceiq.adapters.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.shared.Parsed;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the sandbox's keys. The {@code invoiceiq.sandbox.*} keys are documented, with the same defaults, in the
 * application's {@code InvoiceIqConfig} (which declares every {@code invoiceiq.*} key); the provider secrets are the
 * ones the real endpoints check, so the simulated traffic passes exactly the checks a provider's does.
 */
@ApplicationScoped
public class SandboxConfiguration {

    @Produces
    @Singleton
    SandboxSettings settings(
            @ConfigProperty(name = "invoiceiq.sandbox.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "invoiceiq.sandbox.no-whatsapp-prefixes", defaultValue = "25479")
            List<String> noWhatsAppPrefixes,
            @ConfigProperty(name = "invoiceiq.sandbox.stk-auto-answer-after", defaultValue = "PT20S")
            Duration stkAutoAnswerAfter,
            @ConfigProperty(name = "invoiceiq.sandbox.callback-delay", defaultValue = "PT2S") Duration callbackDelay,
            @ConfigProperty(name = "invoiceiq.sandbox.status-delay", defaultValue = "PT1S") Duration statusDelay,
            @ConfigProperty(name = "invoiceiq.sandbox.history", defaultValue = "200") int history,
            @ConfigProperty(name = "invoiceiq.merchant.numbers") Optional<List<String>> merchantNumbers,
            MerchantSettings merchant,
            @ConfigProperty(name = "waba.phone-id") Optional<String> phoneNumberId,
            @ConfigProperty(name = "waba.app-secret") Optional<String> appSecret,
            @ConfigProperty(name = "mpesa.callback-token") Optional<String> stkCallbackToken,
            @ConfigProperty(name = "sms.callback-token") Optional<String> smsCallbackToken) {
        return new SandboxSettings(enabled, noWhatsAppPrefixes, stkAutoAnswerAfter, callbackDelay, statusDelay,
                history, firstStaffNumber(merchantNumbers.orElse(List.of()), merchant), merchant.businessName(),
                phoneNumberId.orElse(null), appSecret, stkCallbackToken, smsCallbackToken);
    }

    /** The first staff number as configured (the settings hold them as a set, without order). */
    static Msisdn firstStaffNumber(List<String> configured, MerchantSettings merchant) {
        for (String raw : configured) {
            if (Msisdn.parse(raw) instanceof Parsed.Ok<Msisdn> ok && merchant.isMerchant(ok.value())) {
                return ok.value();
            }
        }
        return merchant.staffNumbers().stream().min(Comparator.comparing(Msisdn::value)).orElseThrow();
    }
}
