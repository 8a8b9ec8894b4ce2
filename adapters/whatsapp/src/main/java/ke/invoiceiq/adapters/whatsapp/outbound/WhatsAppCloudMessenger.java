package ke.invoiceiq.adapters.whatsapp.outbound;

import io.smallrye.faulttolerance.api.RateLimitException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.SendResult;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * {@link ChatMessenger} on the WhatsApp Cloud API. It only translates: the dispatcher has already chosen template,
 * buttons or text, and decides the SMS fallback from the {@link SendResult} returned here.
 *
 * <p>Per recipient it sends at most one message per {@code waba.pair-interval} (answering "retry later" without a
 * call otherwise); the number's throughput, retries, time-out and circuit breaker live in {@link GraphSender}.
 * A configuration error is remembered in {@link WhatsAppStatus} and logged once per code.
 *
 * <p>Logs carry codes only: never the token, the recipient's number or the message text.
 *
 * <p>{@link Typed} to this class only: it is not a {@link ChatMessenger} bean by itself, so having this module on the
 * class path never decides which messenger the service uses. The application picks it (or a stand-in) from its
 * configuration and serves it as the {@code ChatMessenger}.
 */
@ApplicationScoped
@Typed(WhatsAppCloudMessenger.class)
public class WhatsAppCloudMessenger implements ChatMessenger {

    private static final Logger LOG = Logger.getLogger(WhatsAppCloudMessenger.class);

    private final GraphSender sender;
    private final WhatsAppStatus status;
    private final RecipientPacer pacer;
    private final Optional<GraphMessages.InvoiceTemplate> template;
    private final Clock clock = Clock.systemUTC();

    @Inject
    WhatsAppCloudMessenger(GraphSender sender, WhatsAppStatus status,
            @ConfigProperty(name = "waba.pair-interval", defaultValue = "6s") Duration pairInterval,
            @ConfigProperty(name = "waba.invoice-template") Optional<String> invoiceTemplate,
            @ConfigProperty(name = "waba.invoice-template-language", defaultValue = "en") String templateLanguage) {
        this.sender = sender;
        this.status = status;
        this.pacer = new RecipientPacer(pairInterval);
        this.template = invoiceTemplate.map(String::strip).filter(name -> !name.isEmpty())
                .map(name -> new GraphMessages.InvoiceTemplate(name, templateLanguage.strip()));
    }

    @Override
    public boolean hasInvoiceTemplate() {
        return template.isPresent();
    }

    @Override
    public SendResult send(ChatMessage message) {
        if (!sender.configured()) {
            return misconfigured("not-configured");
        }
        if (message instanceof ChatMessage.Template && template.isEmpty()) {
            return misconfigured("no-template");
        }
        GraphMessage body = GraphMessages.of(message, template);
        String recipient = message.to().value();
        Instant now = clock.instant();
        Optional<Duration> wait = pacer.tryAcquire(recipient, now);
        if (wait.isPresent()) {
            return new SendResult.RetryLater("paced", wait);
        }
        try {
            Optional<String> id = sender.send(body).messageId();
            if (id.isEmpty()) {
                LOG.warn("WhatsApp send answered 2xx without a message id");
                return new SendResult.RetryLater("no-message-id", Optional.empty());
            }
            status.accepted();
            return new SendResult.Accepted(id.get());
        } catch (GraphFailure.Rejected e) {
            if (e.configuration()) {
                return misconfigured(e.code());
            }
            LOG.infof("WhatsApp send undeliverable: code %s", e.code());
            return new SendResult.Undeliverable(e.code());
        } catch (GraphFailure.Throttled e) {
            LOG.infof("WhatsApp send throttled: code %s", e.code());
            return new SendResult.RetryLater(e.code(), e.after());
        } catch (GraphFailure.Transient e) {
            LOG.warnf("WhatsApp send failed after retries: code %s", e.code());
            return new SendResult.RetryLater(e.code(), Optional.empty());
        } catch (TimeoutException e) {
            LOG.warn("WhatsApp send timed out");
            return new SendResult.RetryLater("timeout", Optional.empty());
        } catch (CircuitBreakerOpenException e) {
            pacer.release(recipient, now);
            return new SendResult.RetryLater("circuit-open", Optional.empty());
        } catch (RateLimitException e) {
            pacer.release(recipient, now);
            long after = e.getRetryAfterMillis();
            return new SendResult.RetryLater("throughput",
                    Optional.of(Duration.ofMillis(after > 0 ? after : 1000)));
        } catch (ProcessingException e) {
            LOG.warnf("WhatsApp send got no answer: %s", e.getCause() == null
                    ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName());
            return new SendResult.RetryLater("io", Optional.empty());
        }
    }

    private SendResult misconfigured(String code) {
        if (status.configurationError(code)) {
            LOG.errorf("WhatsApp configuration error %s: sends fail until an operator fixes it", code);
        }
        return new SendResult.Misconfigured(code);
    }
}
