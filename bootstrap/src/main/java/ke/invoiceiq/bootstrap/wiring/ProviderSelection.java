package ke.invoiceiq.bootstrap.wiring;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import ke.invoiceiq.adapters.memory.RecordingChatMessenger;
import ke.invoiceiq.adapters.whatsapp.outbound.WhatsAppCloudMessenger;
import ke.invoiceiq.bootstrap.config.WhatsAppConfig;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import org.jboss.logging.Logger;

/**
 * Which adapter serves a provider port, decided by configuration, not by code in the core: the use cases only
 * ever see the port.
 *
 * <p>{@link ChatMessenger}: the WhatsApp Cloud API ({@link WhatsAppCloudMessenger}, which is {@code @Typed} to its
 * own class, so it is no {@code ChatMessenger} bean by itself) when {@code WABA_TOKEN} and {@code WABA_PHONE_ID} are
 * both set ({@link WhatsAppConfig#configured()}); otherwise the in-memory {@link RecordingChatMessenger}, with which
 * dev runs and most tests work without a Meta account and no message leaves the process. The prod profile never
 * gets the stand-in: it refuses to start without the {@code WABA_*} settings ({@code RequiredSecrets}).
 *
 * <p>The choice is logged once at startup, at INFO, naming the adapter only (never a token or an id).
 */
@ApplicationScoped
public class ProviderSelection {

    private static final Logger LOG = Logger.getLogger(ProviderSelection.class);

    private final WhatsAppConfig whatsApp;

    ProviderSelection(WhatsAppConfig whatsApp) {
        this.whatsApp = whatsApp;
    }

    @Produces
    @ApplicationScoped
    ChatMessenger chatMessenger(Instance<WhatsAppCloudMessenger> cloud) {
        return whatsApp.configured() ? cloud.get() : new RecordingChatMessenger();
    }

    void announce(@Observes StartupEvent started) {
        if (whatsApp.configured()) {
            LOG.infof("ChatMessenger: WhatsApp Cloud API (Graph API %s)", whatsApp.apiVersion());
        } else {
            LOG.info("ChatMessenger: in-memory stand-in (WABA_TOKEN and WABA_PHONE_ID not both set); "
                    + "no WhatsApp message leaves the process");
        }
    }
}
