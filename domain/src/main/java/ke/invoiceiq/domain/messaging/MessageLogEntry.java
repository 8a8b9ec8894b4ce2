package ke.invoiceiq.domain.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.InvoiceId;

/**
 * Metadata of one message event: never its text, never a phone number or a name (the audit trail must be
 * safe to keep and to show).
 */
public record MessageLogEntry(
        String id,
        Optional<InvoiceId> invoiceId,
        Channel channel,
        Direction direction,
        String event,
        Optional<String> providerMessageId,
        Optional<String> errorCode,
        Instant at) {

    public MessageLogEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(at, "at");
    }
}
