package ke.invoiceiq.application.messaging;

import java.time.Clock;
import java.util.Optional;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.shared.IdGenerator;

/**
 * Writes messages to the outbox. Use cases call it inside their unit of work; nothing is sent here, the
 * dispatcher sends later.
 */
public final class OutboxWriter {

    private final Outbox outbox;
    private final IdGenerator ids;
    private final Clock clock;
    private final MerchantSettings merchant;

    public OutboxWriter(Outbox outbox, IdGenerator ids, Clock clock, MerchantSettings merchant) {
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
        this.merchant = merchant;
    }

    /** To one person on one channel (a reply goes back the way the question came). */
    public void send(Msisdn to, Channel channel, MessagePurpose purpose, Optional<InvoiceId> invoiceId,
            OutboundContent content) {
        outbox.enqueue(OutboxMessage.queue(ids.nextId(), to, purpose, invoiceId, channel, content, clock.instant()));
    }

    /** To a customer on WhatsApp first; the content's SMS text, when present, allows the SMS fallback. */
    public void toCustomer(Msisdn to, MessagePurpose purpose, Optional<InvoiceId> invoiceId, OutboundContent content) {
        send(to, Channel.WHATSAPP, purpose, invoiceId, content);
    }

    /** To every staff number of the merchant, on WhatsApp. */
    public void toMerchant(MessagePurpose purpose, Optional<InvoiceId> invoiceId, OutboundContent content) {
        for (Msisdn staff : merchant.staffNumbers()) {
            send(staff, Channel.WHATSAPP, purpose, invoiceId, content);
        }
    }
}
