package ke.invoiceiq.adapters.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.adapters.sandbox.SandboxPhones.ButtonView;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.SendResult;
import org.jboss.logging.Logger;

/**
 * WhatsApp, simulated. A send is accepted with a message id of Meta's shape ({@code wamid.SBX…}) and shows on the
 * recipient's simulated phone; then, like Meta, the service hears of it through its own webhook: a signed
 * {@code sent}, {@code delivered} and {@code read} status ({@link SandboxSettings#statusDelay()} apart) posted to
 * {@code /whatsapp/webhook}.
 *
 * <p>A number in a no-WhatsApp range ({@link SandboxSettings#noWhatsAppPrefixes()}, default {@code 25479…}) is not
 * on WhatsApp: the send answers {@code Undeliverable("131026")} (Meta's "message undeliverable"), so the core's SMS
 * fallback can be seen.
 *
 * <p>No approved invoice template is simulated ({@link #hasInvoiceTemplate()} is false, as in a dev setup without
 * {@code WABA_INVOICE_TEMPLATE}): invoices go as interactive messages with their reply buttons, which the page shows
 * and lets one tap. (The simulator shows a template too, should one be sent.)
 *
 * <p>{@link Typed} to this class, like the real adapters: the application decides when it serves the port.
 */
@ApplicationScoped
@Typed(SandboxChatMessenger.class)
public class SandboxChatMessenger implements ChatMessenger {

    /** Meta's "Message Undeliverable" (the number is not on WhatsApp, among others). */
    public static final String NOT_ON_WHATSAPP = "131026";

    private static final Logger LOG = Logger.getLogger(SandboxChatMessenger.class);
    private static final List<String> STATUSES = List.of("sent", "delivered", "read");

    private final SandboxSettings settings;
    private final SandboxPhones phones;
    private final SandboxScheduler scheduler;
    private final SelfCalls calls;

    @Inject
    public SandboxChatMessenger(SandboxSettings settings, SandboxPhones phones, SandboxScheduler scheduler,
            SelfCalls calls) {
        this.settings = settings;
        this.phones = phones;
        this.scheduler = scheduler;
        this.calls = calls;
    }

    @Override
    public SendResult send(ChatMessage message) {
        Msisdn to = message.to();
        Instant now = Instant.now();
        if (!settings.hasWhatsApp(to)) {
            phones.note(to, SandboxPhones.WHATSAPP, "A WhatsApp message could not reach this number: it is not on "
                    + "WhatsApp (error " + NOT_ON_WHATSAPP + "). InvoiceIQ falls back to SMS.", now);
            LOG.debugf("sandbox WhatsApp: send refused with %s (recipient in a no-WhatsApp range)", NOT_ON_WHATSAPP);
            return new SendResult.Undeliverable(NOT_ON_WHATSAPP);
        }
        String wamid = SandboxIds.wamid();
        switch (message) {
            case ChatMessage.Text text -> phones.received(to, wamid, SandboxPhones.WHATSAPP, SandboxPhones.TEXT,
                    text.body(), List.of(), now);
            case ChatMessage.Buttons buttons -> phones.received(to, wamid, SandboxPhones.WHATSAPP,
                    SandboxPhones.BUTTONS, buttons.body(),
                    buttons.buttons().stream().map(b -> new ButtonView(b.id(), b.title())).toList(), now);
            case ChatMessage.Template template -> phones.received(to, wamid, SandboxPhones.WHATSAPP,
                    SandboxPhones.TEMPLATE, "[approved invoice template] "
                            + String.join(" · ", template.parameters().bodyParameters()),
                    List.of(new ButtonView(template.parameters().buttonPayload(), "Pay with M-PESA")), now);
            case ChatMessage.NoticeTemplate notice -> phones.received(to, wamid, SandboxPhones.WHATSAPP,
                    SandboxPhones.TEMPLATE, "[approved merchant template] " + notice.notice(), List.of(), now);
        }
        LOG.debugf("sandbox WhatsApp: accepted %s", wamid);
        statusAfter(0, to, wamid);
        return new SendResult.Accepted(wamid);
    }

    @Override
    public boolean hasInvoiceTemplate() {
        return false;
    }

    /** Posts the {@code step}-th status a {@code statusDelay} from now, then schedules the next one. */
    private void statusAfter(int step, Msisdn to, String wamid) {
        if (step >= STATUSES.size()) {
            return;
        }
        String status = STATUSES.get(step);
        scheduler.after(settings.statusDelay(), "WhatsApp status " + status + " of " + wamid, () -> {
            int answer = calls.postWebhook(calls.webhooks().status(wamid, status, to, Instant.now(),
                    Optional.empty()));
            if (answer / 100 != 2) {
                LOG.warnf("sandbox WhatsApp: the webhook answered %d to the %s status of %s", answer, status, wamid);
                return;
            }
            phones.status(to, wamid, status);
            statusAfter(step + 1, to, wamid);
        });
    }
}
