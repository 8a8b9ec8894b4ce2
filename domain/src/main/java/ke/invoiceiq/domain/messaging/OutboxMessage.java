package ke.invoiceiq.domain.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceId;

/**
 * A message written down in the same transaction as the change that caused it, and sent later by the
 * dispatcher: a crash between commit and send loses nothing.
 */
public record OutboxMessage(
        String id,
        Msisdn recipient,
        MessagePurpose purpose,
        Optional<InvoiceId> invoiceId,
        Channel channel,
        OutboundContent content,
        OutboxStatus status,
        int attempts,
        Instant nextAttemptAt,
        Optional<String> providerMessageId,
        Optional<DeliveryStatus> delivery,
        Optional<String> lastError,
        Instant createdAt) {

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(createdAt, "createdAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts < 0");
        }
    }

    /** A new message, due now. */
    public static OutboxMessage queue(String id, Msisdn to, MessagePurpose purpose, Optional<InvoiceId> invoiceId,
            Channel channel, OutboundContent content, Instant now) {
        return new OutboxMessage(id, to, purpose, invoiceId, channel, content, OutboxStatus.PENDING, 0, now,
                Optional.empty(), Optional.empty(), Optional.empty(), now);
    }

    /** Whether this message may move to SMS when WhatsApp cannot deliver it. */
    public boolean canFallBackToSms() {
        return channel == Channel.WHATSAPP && content.smsText().isPresent();
    }
}
