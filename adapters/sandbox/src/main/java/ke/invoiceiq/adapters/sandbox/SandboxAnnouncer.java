package ke.invoiceiq.adapters.sandbox;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The first-run line: with the sandbox on, one INFO line at startup says where the phone simulator is, on the port
 * the server really listens on; a secret the simulated traffic needs but the configuration lacks is named (never its
 * value) in a warning. Nothing with the sandbox off.
 *
 * <p>It waits for Quarkus' {@link HttpServerStart} (an asynchronous event, fired once the HTTP server has bound its
 * port): at {@code StartupEvent} the server is not listening yet, and a port of 0 (the tests' random port) is not
 * known.
 */
@ApplicationScoped
public class SandboxAnnouncer {

    private static final Logger LOG = Logger.getLogger(SandboxAnnouncer.class);

    private final SandboxSettings settings;
    private final LocalEndpoint endpoint;
    private volatile String announced;

    @Inject
    public SandboxAnnouncer(SandboxSettings settings, LocalEndpoint endpoint) {
        this.settings = settings;
        this.endpoint = endpoint;
    }

    void announce(@ObservesAsync HttpServerStart started) {
        if (!settings.enabled()) {
            return;
        }
        announced = line(endpoint.port());
        LOG.info(announced);
        if (settings.appSecret().isEmpty()) {
            LOG.warn("Sandbox: waba.app-secret (WABA_APP_SECRET) is not set, so the simulated WhatsApp cannot sign "
                    + "its webhooks: the phones cannot write to the bot");
        }
        if (settings.stkCallbackToken().isEmpty()) {
            LOG.warn("Sandbox: mpesa.callback-token (MPESA_CALLBACK_TOKEN) is not set, so the simulated M-PESA cannot"
                    + " post its callbacks: payments settle through the reconciler's query only");
        }
        if (settings.smsCallbackToken().isEmpty()) {
            LOG.warn("Sandbox: sms.callback-token (SMS_CALLBACK_TOKEN) is not set, so the simulated SMS cannot post "
                    + "delivery reports or incoming SMS");
        }
    }

    /** The line logged at startup, if any (for tests). */
    String announced() {
        return announced;
    }

    /** The line itself. */
    static String line(int port) {
        return "Sandbox on: open http://localhost:" + port
                + "/sandbox to try InvoiceIQ with simulated WhatsApp, M-PESA and SMS";
    }
}
