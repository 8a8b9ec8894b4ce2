package ke.invoiceiq.domain.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceId;

/**
 * A message written down in the same transaction as the change that caused it, and sent later by the
 * dispatcher: a crash between commit and send loses nothing. The correlation id is the one of the work that
 * queued the message (an inbound request), so the dispatcher's log lines for it can be tied back to that work;
 * it is a plain token only, so it can never carry text or line breaks into the logs. A merchant notice that a digest
 * carried is {@link OutboxStatus#COALESCED} and names that digest's id in {@code coalescedInto}.
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
        Instant createdAt,
        Optional<String> correlationId,
        Optional<String> coalescedInto) {

    /** The rule of a correlation id: 1 to 64 plain characters (no spaces, no line breaks). */
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:=-]{1,64}");

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
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(coalescedInto, "coalescedInto");
        if (coalescedInto.isPresent() != (status == OutboxStatus.COALESCED)) {
            throw new IllegalArgumentException("a coalesced message, and only one, names the digest that carried it");
        }
        if (correlationId.isPresent() && !CORRELATION_ID.matcher(correlationId.get()).matches()) {
            throw new IllegalArgumentException("a correlation id is 1 to 64 characters of [A-Za-z0-9._:=-]");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts < 0");
        }
    }

    /** A message that no digest carried. */
    public OutboxMessage(String id, Msisdn recipient, MessagePurpose purpose, Optional<InvoiceId> invoiceId,
            Channel channel, OutboundContent content, OutboxStatus status, int attempts, Instant nextAttemptAt,
            Optional<String> providerMessageId, Optional<DeliveryStatus> delivery, Optional<String> lastError,
            Instant createdAt, Optional<String> correlationId) {
        this(id, recipient, purpose, invoiceId, channel, content, status, attempts, nextAttemptAt, providerMessageId,
                delivery, lastError, createdAt, correlationId, Optional.empty());
    }

    /** A message with no correlation id. */
    public OutboxMessage(String id, Msisdn recipient, MessagePurpose purpose, Optional<InvoiceId> invoiceId,
            Channel channel, OutboundContent content, OutboxStatus status, int attempts, Instant nextAttemptAt,
            Optional<String> providerMessageId, Optional<DeliveryStatus> delivery, Optional<String> lastError,
            Instant createdAt) {
        this(id, recipient, purpose, invoiceId, channel, content, status, attempts, nextAttemptAt, providerMessageId,
                delivery, lastError, createdAt, Optional.empty());
    }

    /** A new message, due now, with no correlation id. */
    public static OutboxMessage queue(String id, Msisdn to, MessagePurpose purpose, Optional<InvoiceId> invoiceId,
            Channel channel, OutboundContent content, Instant now) {
        return queue(id, to, purpose, invoiceId, channel, content, now, Optional.empty());
    }

    /** A new message, due now, queued by the work with this correlation id. */
    public static OutboxMessage queue(String id, Msisdn to, MessagePurpose purpose, Optional<InvoiceId> invoiceId,
            Channel channel, OutboundContent content, Instant now, Optional<String> correlationId) {
        return new OutboxMessage(id, to, purpose, invoiceId, channel, content, OutboxStatus.PENDING, 0, now,
                Optional.empty(), Optional.empty(), Optional.empty(), now, correlationId);
    }

    /**
     * An operator puts a FAILED message back to be sent: PENDING, due {@code now}, with a fresh set of tries (the
     * dispatcher gives up again after as many as the first time). Its last error stays until the next try. Empty,
     * and nothing to do, for a message in any other status.
     */
    public Optional<OutboxMessage> retriedByOperator(Instant now) {
        return status != OutboxStatus.FAILED ? Optional.empty() : Optional.of(new OutboxMessage(id, recipient, purpose,
                invoiceId, channel, content, OutboxStatus.PENDING, 0, now, providerMessageId, delivery, lastError,
                createdAt, correlationId, coalescedInto));
    }

    /**
     * An operator gives a FAILED message up for good: ABANDONED, never retried, purged like the other finished
     * messages. Empty for a message in any other status.
     */
    public Optional<OutboxMessage> abandonedByOperator() {
        return status != OutboxStatus.FAILED ? Optional.empty() : Optional.of(new OutboxMessage(id, recipient, purpose,
                invoiceId, channel, content, OutboxStatus.ABANDONED, attempts, nextAttemptAt, providerMessageId,
                delivery, lastError, createdAt, correlationId, coalescedInto));
    }

    /** Whether this message may move to SMS when WhatsApp cannot deliver it. */
    public boolean canFallBackToSms() {
        return channel == Channel.WHATSAPP && content.smsText().isPresent();
    }
}
