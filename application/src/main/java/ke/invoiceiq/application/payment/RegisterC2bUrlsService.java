package ke.invoiceiq.application.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.application.settings.C2bSettings;
import ke.invoiceiq.domain.payment.C2bRegistration;
import ke.invoiceiq.domain.payment.C2bUrlRegistry;

/** Registers the confirmation and validation URLs for the Paybill and the Till, each in its own call. */
public final class RegisterC2bUrlsService implements RegisterC2bUrlsUseCase {

    private final C2bUrlRegistry registry;
    private final C2bSettings settings;

    public RegisterC2bUrlsService(C2bUrlRegistry registry, C2bSettings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    @Override
    public Outcome register() {
        if (!settings.enabled()) {
            return new Outcome.NotConfigured("no Paybill or Till number");
        }
        if (settings.confirmationUrl().isEmpty() || settings.validationUrl().isEmpty()) {
            return new Outcome.NotConfigured("the public callback URLs (a base URL and the callback token)");
        }
        List<ShortCodeOutcome> done = new ArrayList<>();
        for (Optional<String> shortCode : List.of(settings.paybill(), settings.till())) {
            shortCode.ifPresent(code -> done.add(new ShortCodeOutcome(code, registry.register(new C2bRegistration(
                    code, settings.whenUnreachable(), settings.confirmationUrl().get(),
                    settings.validationUrl().get())))));
        }
        return new Outcome.Done(done);
    }
}
