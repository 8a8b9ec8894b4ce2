package ke.invoiceiq.adapters.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.SendResult;
import ke.invoiceiq.domain.messaging.SmsMessenger;
import org.jboss.logging.Logger;

/**
 * Africa's Talking SMS, simulated. A send is accepted with a message id of AT's shape ({@code ATXid_SBX…}) and shows
 * on the recipient's simulated phone; a moment later ({@link SandboxSettings#statusDelay()}) the service gets AT's
 * delivery report ({@code status=Success}, docs/sms.md) on its own {@code /sms/status/{token}}.
 *
 * <p>{@link Typed} to this class, like the real adapters: the application decides when it serves the port.
 */
@ApplicationScoped
@Typed(SandboxSmsMessenger.class)
public class SandboxSmsMessenger implements SmsMessenger {

    /** Safaricom's network code in AT's callbacks. */
    static final String SAFARICOM = "63902";

    private static final Logger LOG = Logger.getLogger(SandboxSmsMessenger.class);

    private final SandboxSettings settings;
    private final SandboxPhones phones;
    private final SandboxScheduler scheduler;
    private final SelfCalls calls;

    @Inject
    public SandboxSmsMessenger(SandboxSettings settings, SandboxPhones phones, SandboxScheduler scheduler,
            SelfCalls calls) {
        this.settings = settings;
        this.phones = phones;
        this.scheduler = scheduler;
        this.calls = calls;
    }

    @Override
    public SendResult send(Msisdn to, String text) {
        String id = SandboxIds.smsId();
        phones.received(to, id, SandboxPhones.SMS, SandboxPhones.TEXT, text, List.of(), Instant.now());
        LOG.debugf("sandbox SMS: accepted %s", id);
        scheduler.after(settings.statusDelay(), "SMS delivery report of " + id, () -> {
            Map<String, String> report = new LinkedHashMap<>();
            report.put("id", id);
            report.put("status", "Success");
            report.put("phoneNumber", to.e164());
            report.put("networkCode", SAFARICOM);
            report.put("retryCount", "0");
            int answer = calls.postSmsStatus(report);
            if (answer / 100 != 2) {
                LOG.warnf("sandbox SMS: the status callback answered %d to the report of %s", answer, id);
                return;
            }
            phones.status(to, id, "delivered");
        });
        return new SendResult.Accepted(id);
    }
}
