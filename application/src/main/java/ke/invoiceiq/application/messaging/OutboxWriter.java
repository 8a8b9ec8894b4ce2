package ke.invoiceiq.application.messaging;

import java.time.Clock;
import java.util.Optional;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.SmsText;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Tracing;

/**
 * Writes messages to the outbox. Use cases call it inside their unit of work; nothing is sent here, the
 * dispatcher sends later. Each message carries the correlation id current when it was written (the inbound
 * request's), so the dispatcher can send it under that id.
 */
public final class OutboxWriter {

    private final Outbox outbox;
    private final IdGenerator ids;
    private final Clock clock;
    private final MerchantSettings merchant;
    private final Tracing tracing;

    public OutboxWriter(Outbox outbox, IdGenerator ids, Clock clock, MerchantSettings merchant, Tracing tracing) {
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
        this.merchant = merchant;
        this.tracing = tracing;
    }

    /** The language the merchant's notices are written in. */
    public Language merchantLanguage() {
        return merchant.language();
    }

    /** To one person on one channel (a reply goes back the way the question came). */
    public void send(Msisdn to, Channel channel, MessagePurpose purpose, Optional<InvoiceId> invoiceId,
            OutboundContent content) {
        outbox.enqueue(OutboxMessage.queue(ids.nextId(), to, purpose, invoiceId, channel, content, clock.instant(),
                tracing.currentCorrelationId()));
    }

    /**
     * The same message again, new and due now, on another channel (the SMS fallback). It keeps the original's
     * correlation id, not the one current here: it is still the work of the request that queued the original. A
     * merchant digest longer than one SMS should be goes as several, split between its lines.
     */
    public void resend(OutboxMessage original, Channel channel) {
        if (channel == Channel.SMS && original.purpose() == MessagePurpose.MERCHANT_DIGEST) {
            // a WhatsApp digest carries more than one SMS should: it goes as several
            OutboundContent content = original.content();
            for (String part : NoticeDigest.smsParts(SmsText.plain(content.smsText().orElse(content.text())),
                    merchant.language())) {
                outbox.enqueue(OutboxMessage.queue(ids.nextId(), original.recipient(), original.purpose(),
                        original.invoiceId(), channel, OutboundContent.text(part).withSms(part), clock.instant(),
                        original.correlationId()));
            }
            return;
        }
        outbox.enqueue(OutboxMessage.queue(ids.nextId(), original.recipient(), original.purpose(),
                original.invoiceId(), channel, original.content(), clock.instant(), original.correlationId()));
    }

    /** To a customer on WhatsApp first; the content's SMS text, when present, allows the SMS fallback. */
    public void toCustomer(Msisdn to, MessagePurpose purpose, Optional<InvoiceId> invoiceId, OutboundContent content) {
        send(to, Channel.WHATSAPP, purpose, invoiceId, content);
    }

    /**
     * To every staff number of the merchant, on WhatsApp first. Every notice carries an SMS text (the content's own,
     * else its chat text in plain GSM-7): a staff number outside its 24-hour window with no merchant template
     * configured gets it by SMS, and so does one WhatsApp cannot reach.
     */
    public void toMerchant(MessagePurpose purpose, Optional<InvoiceId> invoiceId, OutboundContent content) {
        OutboundContent notice = content.smsText().isPresent() ? content
                : content.withSms(SmsText.plain(content.text()));
        for (Msisdn staff : merchant.staffNumbers()) {
            send(staff, Channel.WHATSAPP, purpose, invoiceId, notice);
        }
    }
}
