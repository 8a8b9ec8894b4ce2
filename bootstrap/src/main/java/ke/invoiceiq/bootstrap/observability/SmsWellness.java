package ke.invoiceiq.bootstrap.observability;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import ke.invoiceiq.adapters.africastalking.outbound.SmsStatus;
import ke.invoiceiq.bootstrap.config.InvoiceIqConfig;
import ke.invoiceiq.bootstrap.config.SmsConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * "Africa's Talking SMS" in {@code /q/health/well} (SmallRye Health's wellness group): whether SMS sends can work.
 *
 * <ul>
 * <li>SMS not configured (dev, tests; the prod profile never starts so): UP,
 * {@code mode: stand-in}, or {@code sandbox} with the sandbox on.</li>
 * <li>Configured, and Africa's Talking has reported no configuration error since the last accepted send: UP,
 * {@code mode: africastalking}, {@code status: ok}.</li>
 * <li>The last send was refused for a configuration reason ({@link SmsStatus#lastConfigurationError()}: the API key
 * refused with 401, an invalid sender id, no balance left): <b>DOWN</b>, {@code status: degraded} and the
 * {@code code}.</li>
 * </ul>
 *
 * <p>Wellness, not readiness, for the reason {@link WhatsAppWellness} gives: an account problem is the same on every
 * instance and an operator fixes it; a readiness DOWN would take the whole service, webhooks and M-PESA callbacks
 * included, out of rotation. No secret is shown: the code only.
 */
@Wellness
@ApplicationScoped
public class SmsWellness implements HealthCheck {

    static final String NAME = "Africa's Talking SMS";

    private final SmsConfig config;
    private final boolean sandbox;
    private final SmsStatus status;

    SmsWellness(SmsConfig config, SmsStatus status, InvoiceIqConfig invoiceIq) {
        this.config = config;
        this.sandbox = invoiceIq.sandbox().enabled();
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        return ProviderWellness.of(NAME, config.configured(), sandbox, "africastalking", status.lastConfigurationError());
    }
}
