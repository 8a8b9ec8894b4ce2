package ke.invoiceiq.adapters.memory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.SendResult;

/**
 * A WhatsApp stand-in that records every message and accepts it as {@code wamid.<n>} unless scripted: an
 * answer set for a recipient with {@link #failFor} holds for every send to them, and answers queued with
 * {@link #respondWith} are used up in order by the other sends. Every message is recorded, accepted or not.
 * No invoice template is configured until {@link #setTemplateConfigured} says so, and no merchant-notice template
 * until {@link #setMerchantTemplateConfigured} does.
 */
public final class RecordingChatMessenger implements ChatMessenger {

    private final List<ChatMessage> sent = new CopyOnWriteArrayList<>();
    private final Script<Msisdn, SendResult> script = new Script<>();
    private final AtomicLong accepted = new AtomicLong();
    private volatile boolean templateConfigured;
    private volatile boolean merchantTemplateConfigured;

    @Override
    public SendResult send(ChatMessage message) {
        sent.add(message);
        return script.next(message.to())
                .orElseGet(() -> new SendResult.Accepted("wamid." + accepted.incrementAndGet()));
    }

    @Override
    public boolean hasInvoiceTemplate() {
        return templateConfigured;
    }

    public void setTemplateConfigured(boolean configured) {
        templateConfigured = configured;
    }

    @Override
    public boolean hasMerchantTemplate() {
        return merchantTemplateConfigured;
    }

    public void setMerchantTemplateConfigured(boolean configured) {
        merchantTemplateConfigured = configured;
    }

    /** Answers for the next sends, in order, before the default comes back. */
    public void respondWith(SendResult... answers) {
        script.queue(answers);
    }

    /** Every send to {@code recipient} gets {@code answer} until {@link #recover} is called. */
    public void failFor(Msisdn recipient, SendResult answer) {
        script.standing(recipient, answer);
    }

    public void recover(Msisdn recipient) {
        script.clearStanding(recipient);
    }

    /** Every message sent, in order. */
    public List<ChatMessage> sent() {
        return List.copyOf(sent);
    }

    public List<ChatMessage> sentTo(Msisdn recipient) {
        return sent.stream().filter(m -> m.to().equals(recipient)).toList();
    }
}
