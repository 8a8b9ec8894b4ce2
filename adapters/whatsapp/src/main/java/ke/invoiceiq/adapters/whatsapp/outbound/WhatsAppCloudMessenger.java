package ke.invoiceiq.adapters.whatsapp.outbound;

import io.smallrye.faulttolerance.api.RateLimitException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.time.Duration;
import java.util.Optional;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.SendResult;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * {@link ChatMessenger} on the WhatsApp Cloud API. It only translates: the dispatcher has already chosen template,
 * buttons or text, taken the recipient's and the number's turn (shared by every instance, so the pacing is not done
 * here), and decides the SMS fallback from the {@link SendResult} returned here.
 *
 * <p>The number's throughput as an in-process guard, the retries, the time-out and the circuit breaker live in
 * {@link GraphSender}. Whatever did not leave (an open breaker, the in-process throughput guard, Meta's throttling
 * answers) comes back as {@link SendResult.Deferred}: nothing was sent, so no try is counted. A configuration error
 * is remembered in {@link WhatsAppStatus} and logged once per code.
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

    /** How long to wait while the breaker is open: it lets a trial call through once its delay is over. */
    static final Duration WHILE_BREAKER_OPEN = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(WhatsAppCloudMessenger.class);

    private final GraphSender sender;
    private final WhatsAppStatus status;
    private final Optional<GraphMessages.ConfiguredTemplate> invoiceTemplate;
    private final Optional<GraphMessages.ConfiguredTemplate> swahiliInvoiceTemplate;
    private final Optional<GraphMessages.ConfiguredTemplate> merchantTemplate;

    @Inject
    WhatsAppCloudMessenger(GraphSender sender, WhatsAppStatus status,
            @ConfigProperty(name = "waba.invoice-template") Optional<String> invoiceTemplate,
            @ConfigProperty(name = "waba.invoice-template-language", defaultValue = "en") String invoiceLanguage,
            @ConfigProperty(name = "waba.invoice-template-sw") Optional<String> swahiliInvoiceTemplate,
            @ConfigProperty(name = "waba.invoice-template-sw-language", defaultValue = "sw") String swahiliLanguage,
            @ConfigProperty(name = "waba.merchant-template") Optional<String> merchantTemplate,
            @ConfigProperty(name = "waba.merchant-template-language", defaultValue = "en") String merchantLanguage) {
        this.sender = sender;
        this.status = status;
        this.invoiceTemplate = configured(invoiceTemplate, invoiceLanguage);
        // the Swahili version of the same template, unless another one is named
        this.swahiliInvoiceTemplate = configured(
                swahiliInvoiceTemplate.filter(n -> !n.isBlank()).or(() -> invoiceTemplate), swahiliLanguage);
        this.merchantTemplate = configured(merchantTemplate, merchantLanguage);
    }

    private static Optional<GraphMessages.ConfiguredTemplate> configured(Optional<String> name, String language) {
        return name.map(String::strip).filter(n -> !n.isEmpty())
                .map(n -> new GraphMessages.ConfiguredTemplate(n, language.strip()));
    }

    @Override
    public boolean hasInvoiceTemplate() {
        return invoiceTemplate.isPresent();
    }

    @Override
    public boolean hasMerchantTemplate() {
        return merchantTemplate.isPresent();
    }

    @Override
    public SendResult send(ChatMessage message) {
        if (!sender.configured()) {
            return misconfigured("not-configured");
        }
        if (message instanceof ChatMessage.Template && invoiceTemplate.isEmpty()
                || message instanceof ChatMessage.NoticeTemplate && merchantTemplate.isEmpty()) {
            return misconfigured("no-template");
        }
        GraphMessage body = GraphMessages.of(message, invoiceTemplate(message), merchantTemplate);
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
            return new SendResult.Deferred(e.code(), e.after());
        } catch (GraphFailure.Transient e) {
            LOG.warnf("WhatsApp send failed after retries: code %s", e.code());
            return new SendResult.RetryLater(e.code(), Optional.empty());
        } catch (TimeoutException e) {
            LOG.warn("WhatsApp send timed out");
            return new SendResult.RetryLater("timeout", Optional.empty());
        } catch (CircuitBreakerOpenException e) {
            return new SendResult.Deferred("circuit-open", WHILE_BREAKER_OPEN);
        } catch (RateLimitException e) {
            long after = e.getRetryAfterMillis();
            return new SendResult.Deferred("throughput", Duration.ofMillis(after > 0 ? after : 1000));
        } catch (ProcessingException e) {
            LOG.warnf("WhatsApp send got no answer: %s", e.getCause() == null
                    ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName());
            return new SendResult.RetryLater("io", Optional.empty());
        }
    }

    /** The invoice template in the language its parameters are written in. */
    private Optional<GraphMessages.ConfiguredTemplate> invoiceTemplate(ChatMessage message) {
        if (message instanceof ChatMessage.Template t && t.parameters().language() == Language.SW) {
            return swahiliInvoiceTemplate;
        }
        return invoiceTemplate;
    }

    private SendResult misconfigured(String code) {
        if (status.configurationError(code)) {
            LOG.errorf("WhatsApp configuration error %s: sends fail until an operator fixes it", code);
        }
        return new SendResult.Misconfigured(code);
    }
}
