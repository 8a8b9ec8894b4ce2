package ke.invoiceiq.bootstrap.observability;

import jakarta.enterprise.context.ApplicationScoped;
import ke.invoiceiq.adapters.africastalking.outbound.SmsStatus;
import ke.invoiceiq.bootstrap.config.InvoiceIqConfig;
import ke.invoiceiq.bootstrap.config.SmsConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * "Africa's Talking SMS" in {@code /q/health/ready} (and {@code /readyz}): whether SMS sends can work.
 *
 * <ul>
 * <li>SMS not configured (dev, tests; the prod profile never starts so): UP,
 * {@code mode: stand-in}, or {@code sandbox} with the sandbox on.</li>
 * <li>Configured, and Africa's Talking has reported no configuration error since the last accepted send: UP,
 * {@code mode: africastalking}, {@code status: ok}.</li>
 * <li>The last send was refused for a configuration reason ({@link SmsStatus#lastConfigurationError()}: the API key
 * refused with 401, an invalid sender id, no balance left): still <b>UP</b>, {@code status: degraded} and the
 * {@code code}.</li>
 * </ul>
 *
 * <p>UP when degraded for the reason {@link WhatsAppReadiness} gives: an account problem is the same on every
 * instance and an operator fixes it; DOWN would take the whole service, webhooks and M-PESA callbacks included,
 * out of rotation. Monitoring alerts on {@code data.status == "degraded"}. No secret is shown: the code only.
 */
@Readiness
@ApplicationScoped
public class SmsReadiness implements HealthCheck {

    static final String NAME = "Africa's Talking SMS";

    private final SmsConfig config;
    private final boolean sandbox;
    private final SmsStatus status;

    SmsReadiness(SmsConfig config, SmsStatus status, InvoiceIqConfig invoiceIq) {
        this.config = config;
        this.sandbox = invoiceIq.sandbox().enabled();
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        return ProviderReadiness.of(NAME, config.configured(), sandbox, "africastalking", status.lastConfigurationError());
    }
}
