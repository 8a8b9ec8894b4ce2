package ke.invoiceiq.application.messaging;

import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.Direction;
import ke.invoiceiq.domain.messaging.MessageLog;
import ke.invoiceiq.domain.messaging.MessageLogEntry;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.shared.IdGenerator;

/** Writes the audit trail of outbound messages: metadata only, never the text or the recipient. */
final class MessageTrail {

    private final MessageLog log;
    private final IdGenerator ids;

    MessageTrail(MessageLog log, IdGenerator ids) {
        this.log = log;
        this.ids = ids;
    }

    void out(OutboxMessage message, String event, Optional<String> providerMessageId, Optional<String> errorCode,
            Instant at) {
        out(message, message.channel(), event, providerMessageId, errorCode, at);
    }

    /** On {@code channel}, the one the message actually went by (a staff notice may go by SMS). */
    void out(OutboxMessage message, Channel channel, String event, Optional<String> providerMessageId,
            Optional<String> errorCode, Instant at) {
        log.record(new MessageLogEntry(ids.nextId(), message.invoiceId(), channel, Direction.OUT, event,
                providerMessageId.or(message::providerMessageId), errorCode, at));
    }
}
