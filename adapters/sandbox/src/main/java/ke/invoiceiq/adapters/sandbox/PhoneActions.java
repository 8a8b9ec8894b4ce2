package ke.invoiceiq.adapters.sandbox;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import ke.invoiceiq.adapters.sandbox.SandboxPhones.ButtonOrigin;
import ke.invoiceiq.adapters.sandbox.SandboxPhones.MessageView;
import ke.invoiceiq.domain.customer.Msisdn;
import org.jboss.logging.Logger;

/**
 * What the people on the simulated phones do, turned into the providers' traffic to the service's real endpoints:
 * a WhatsApp text or button tap becomes a signed webhook ({@code POST /whatsapp/webhook}), an SMS becomes Africa's
 * Talking's form post ({@code POST /sms/inbound/{token}}). Each shows on the phone at once, marked {@code sent} once
 * the endpoint has acknowledged it, {@code failed} when it refused it.
 */
@Singleton
public class PhoneActions {

    /** WhatsApp's limit for a text body. */
    static final int MAX_WHATSAPP_TEXT = 4096;

    /** A generous bound for one (concatenated) SMS. */
    static final int MAX_SMS_TEXT = 1600;

    /** The shortcode the simulated customers text. */
    static final String SHORTCODE = "20880";

    static final String MERCHANT_PROFILE = "Sandbox merchant";
    static final String CUSTOMER_PROFILE = "Sandbox customer";

    private static final Logger LOG = Logger.getLogger(PhoneActions.class);
    private static final DateTimeFormatter AT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SandboxSettings settings;
    private final SandboxPhones phones;
    private final SelfCalls calls;

    @Inject
    public PhoneActions(SandboxSettings settings, SandboxPhones phones, SelfCalls calls) {
        this.settings = settings;
        this.phones = phones;
        this.calls = calls;
    }

    /** The merchant writes to the business number on WhatsApp. */
    public MessageView merchantText(String text) {
        return whatsAppText(settings.merchant(), text);
    }

    /** Someone writes to the business number on WhatsApp. */
    public MessageView whatsAppText(Msisdn from, String text) {
        String body = bounded(text, MAX_WHATSAPP_TEXT);
        requireWhatsApp(from);
        String wamid = SandboxIds.wamid();
        Instant now = Instant.now();
        MessageView shown = phones.sent(from, wamid, SandboxPhones.WHATSAPP, body, now);
        return deliver(from, shown, "WhatsApp text", () -> calls.postWebhook(
                calls.webhooks().text(from, profile(from), wamid, body, now)));
    }

    /**
     * Someone taps a reply button of a message the business sent them. The button's title and the message it came
     * with are looked up on the phone; an id not seen there (an API user who knows {@code pay_INV-…}) still goes,
     * with the id as its title and no context, as Meta allows.
     */
    public MessageView tap(Msisdn from, String buttonId) {
        String id = bounded(buttonId, 256);
        requireWhatsApp(from);
        Optional<ButtonOrigin> origin = phones.findButton(from, id);
        String title = origin.map(ButtonOrigin::title).orElse(id.length() > 20 ? id.substring(0, 20) : id);
        String wamid = SandboxIds.wamid();
        Instant now = Instant.now();
        MessageView shown = phones.sent(from, wamid, SandboxPhones.WHATSAPP, title, now);
        Optional<String> context = origin.map(ButtonOrigin::messageId);
        boolean template = origin.map(o -> SandboxPhones.TEMPLATE.equals(o.kind())).orElse(false);
        return deliver(from, shown, "WhatsApp button tap", () -> calls.postWebhook(template
                ? calls.webhooks().templateButton(from, profile(from), wamid, context, id, title, now)
                : calls.webhooks().buttonReply(from, profile(from), wamid, context, id, title, now)));
    }

    /** Someone texts the business shortcode (docs/sms.md). */
    public MessageView sms(Msisdn from, String text) {
        String body = bounded(text, MAX_SMS_TEXT);
        String id = SandboxIds.inboundSmsId();
        Instant now = Instant.now();
        MessageView shown = phones.sent(from, id, SandboxPhones.SMS, body, now);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("date", AT_DATE.format(LocalDateTime.ofInstant(now, SandboxIds.NAIROBI)));
        form.put("from", from.e164());
        form.put("id", id);
        form.put("linkId", SandboxIds.inboundSmsId());
        form.put("text", body);
        form.put("to", SHORTCODE);
        form.put("networkCode", SandboxSmsMessenger.SAFARICOM);
        return deliver(from, shown, "SMS", () -> calls.postSmsInbound(form));
    }

    /** Posts, marks the message {@code sent} or {@code failed}, and answers it as the phone now shows it. */
    private MessageView deliver(Msisdn from, MessageView shown, String what, IntSupplier post) {
        int status;
        try {
            status = post.getAsInt();
        } catch (RuntimeException e) {
            phones.status(from, shown.id(), "failed");
            throw e;
        }
        if (status / 100 == 2) {
            phones.status(from, shown.id(), "sent");
            LOG.debugf("sandbox: %s %s acknowledged", what, shown.id());
            return new MessageView(shown.seq(), shown.id(), shown.direction(), shown.channel(), shown.kind(),
                    shown.text(), shown.buttons(), "sent", shown.at());
        }
        phones.status(from, shown.id(), "failed");
        LOG.warnf("sandbox: the service answered %d to the simulated %s %s", status, what, shown.id());
        throw new Refused(status, what);
    }

    private void requireWhatsApp(Msisdn from) {
        if (!settings.hasWhatsApp(from)) {
            throw new IllegalArgumentException("This number is in a no-WhatsApp range of the sandbox: it can only"
                    + " send SMS.");
        }
    }

    private String profile(Msisdn from) {
        return from.equals(settings.merchant()) ? MERCHANT_PROFILE : CUSTOMER_PROFILE;
    }

    private static String bounded(String text, int max) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Type something to send.");
        }
        if (text.length() > max) {
            throw new IllegalArgumentException("At most " + max + " characters.");
        }
        return text;
    }

    /** The real endpoint refused the simulated traffic (a wrong secret, a malformed form). */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String what) {
            super("The service answered HTTP " + status + " to the simulated " + what
                    + (status == 401 ? ": the secret it checks differs from the sandbox's" : "") + ".");
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
