package ke.invoiceiq.bootstrap.observability;

import jakarta.enterprise.context.ApplicationScoped;
import ke.invoiceiq.adapters.whatsapp.outbound.WhatsAppStatus;
import ke.invoiceiq.bootstrap.config.InvoiceIqConfig;
import ke.invoiceiq.bootstrap.config.WhatsAppConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * "WhatsApp Cloud API" in {@code /q/health/ready} (and {@code /readyz}): whether sends to WhatsApp can work.
 *
 * <ul>
 * <li>WhatsApp not configured (dev, tests; the prod profile never starts so): UP,
 * {@code mode: stand-in}, or {@code sandbox} with the sandbox on.</li>
 * <li>Configured, and the Graph API has reported no configuration error since the last accepted send: UP,
 * {@code mode: cloud-api}, {@code status: ok}.</li>
 * <li>The last send was refused for a configuration reason ({@link WhatsAppStatus#lastConfigurationError()}: token
 * 0/190, parameter 100, template 132xxx, …): still <b>UP</b>, with {@code status: degraded} and {@code code}.</li>
 * </ul>
 *
 * <p>Why UP and not DOWN when degraded: readiness decides whether the load balancer sends this instance traffic at
 * all. A WhatsApp token Meta rejects is the same for every instance and is fixed by an operator, not by a restart
 * or by another instance; answering DOWN would take the whole service out of rotation and with it the M-PESA
 * callbacks, the pay page and the WhatsApp webhooks themselves, while invoices still reach customers by the SMS
 * fallback. So the check stays UP and carries the degradation in its data, where monitoring can alert on it
 * ({@code checks[name="WhatsApp Cloud API"].data.status == "degraded"}). No secret is shown: the code only.
 */
@Readiness
@ApplicationScoped
public class WhatsAppReadiness implements HealthCheck {

    static final String NAME = "WhatsApp Cloud API";

    private final WhatsAppConfig config;
    private final boolean sandbox;
    private final WhatsAppStatus status;

    WhatsAppReadiness(WhatsAppConfig config, WhatsAppStatus status, InvoiceIqConfig invoiceIq) {
        this.config = config;
        this.sandbox = invoiceIq.sandbox().enabled();
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        return ProviderReadiness.of(NAME, config.configured(), sandbox, "cloud-api", status.lastConfigurationError());
    }
}
