package ke.invoiceiq.adapters.africastalking.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.SendResult;
import ke.invoiceiq.domain.messaging.SmsMessenger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * {@link SmsMessenger} on Africa's Talking (docs/sms.md). It only translates: the outbox decides what
 * to do with the {@link SendResult} (try later, mark undeliverable, tell the merchant).
 *
 * <p>One call per send, never repeated here ({@link AtSmsClient} says why). Without {@code sms.username} and
 * {@code sms.api-key} it answers {@code Misconfigured("not-configured")} without calling out. A configuration error
 * is remembered in {@link SmsStatus} and logged once per code at ERROR.
 *
 * <p>Logs carry codes only: never the api key, the recipient's number or the message text.
 *
 * <p>{@link Typed} to this class only: having this module on the class path does not by itself make it the
 * {@link SmsMessenger}; the application selects it (or a stand-in) from its configuration.
 */
@ApplicationScoped
@Typed(AfricasTalkingSmsMessenger.class)
public class AfricasTalkingSmsMessenger implements SmsMessenger {

    /** How long to wait while the breaker is open: it lets a trial call through once its delay is over. */
    static final Duration WHILE_BREAKER_OPEN = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(AfricasTalkingSmsMessenger.class);

    private final AtSmsClient client;
    private final SmsStatus status;

    @Inject
    AfricasTalkingSmsMessenger(AtSmsClient client, SmsStatus status) {
        this.client = client;
        this.status = status;
    }

    /** Whether {@code sms.username} and {@code sms.api-key} are set. */
    public boolean configured() {
        return client.configured();
    }

    @Override
    public SendResult send(Msisdn to, String text) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        if (!client.configured()) {
            return noted(new SendResult.Misconfigured("not-configured"));
        }
        SendResult result;
        try {
            result = client.send(to, text);
        } catch (AtFailure e) {
            result = e.result();
        } catch (TimeoutException e) {
            // AT may still have sent it; the outbox decides whether to try again
            result = new SendResult.RetryLater("timeout", Optional.empty());
        } catch (CircuitBreakerOpenException e) {
            // nothing was sent: a wait, not a try
            result = new SendResult.Deferred("circuit-open", WHILE_BREAKER_OPEN);
        } catch (ProcessingException e) {
            LOG.warnf("SMS send got no answer: %s", e.getCause() == null
                    ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName());
            result = new SendResult.RetryLater("io", Optional.empty());
        }
        return noted(result);
    }

    private SendResult noted(SendResult result) {
        switch (result) {
            case SendResult.Accepted accepted -> status.accepted();
            case SendResult.Misconfigured misconfigured -> {
                if (status.configurationError(misconfigured.code())) {
                    LOG.errorf("SMS configuration error %s: sends fail until an operator fixes it",
                            misconfigured.code());
                }
            }
            case SendResult.Undeliverable undeliverable ->
                    LOG.infof("SMS undeliverable: %s", undeliverable.code());
            case SendResult.RetryLater later -> LOG.warnf("SMS not sent, to be retried: %s", later.code());
            case SendResult.Deferred wait -> LOG.debugf("SMS not sent yet: %s", wait.reason());
        }
        return result;
    }
}
