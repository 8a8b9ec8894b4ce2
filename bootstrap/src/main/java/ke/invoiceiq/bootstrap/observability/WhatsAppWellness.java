package ke.invoiceiq.bootstrap.observability;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import ke.invoiceiq.adapters.whatsapp.outbound.WhatsAppStatus;
import ke.invoiceiq.bootstrap.config.InvoiceIqConfig;
import ke.invoiceiq.bootstrap.config.WhatsAppConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * "WhatsApp Cloud API" in {@code /q/health/well} (SmallRye Health's wellness group): whether sends to WhatsApp can
 * work.
 *
 * <ul>
 * <li>WhatsApp not configured (dev, tests; the prod profile never starts so): UP,
 * {@code mode: stand-in}, or {@code sandbox} with the sandbox on.</li>
 * <li>Configured, and the Graph API has reported no configuration error since the last accepted send: UP,
 * {@code mode: cloud-api}, {@code status: ok}.</li>
 * <li>The last send was refused for a configuration reason ({@link WhatsAppStatus#lastConfigurationError()}: token
 * 0/190, parameter 100, template 132xxx, …): <b>DOWN</b>, with {@code status: degraded} and {@code code}.</li>
 * </ul>
 *
 * <p>Why wellness and not readiness: readiness decides whether the load balancer sends this instance traffic at
 * all. A WhatsApp token Meta rejects is the same for every instance and is fixed by an operator, not by a restart
 * or by another instance; a readiness DOWN would take the whole service out of rotation and with it the M-PESA
 * callbacks, the pay page and the WhatsApp webhooks themselves, while invoices still reach customers by the SMS
 * fallback. So readiness is the database only, and this check says DOWN where nothing routes on it: monitoring
 * polls {@code /q/health/well} (503 while any provider is degraded) and the operator acts (docs/RUNBOOK.md §6). No
 * secret is shown: the code only.
 */
@Wellness
@ApplicationScoped
public class WhatsAppWellness implements HealthCheck {

    static final String NAME = "WhatsApp Cloud API";

    private final WhatsAppConfig config;
    private final boolean sandbox;
    private final WhatsAppStatus status;

    WhatsAppWellness(WhatsAppConfig config, WhatsAppStatus status, InvoiceIqConfig invoiceIq) {
        this.config = config;
        this.sandbox = invoiceIq.sandbox().enabled();
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        return ProviderWellness.of(NAME, config.configured(), sandbox, "cloud-api", status.lastConfigurationError());
    }
}
