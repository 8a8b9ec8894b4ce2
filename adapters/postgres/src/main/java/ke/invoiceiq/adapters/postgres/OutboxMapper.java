package ke.invoiceiq.adapters.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.DeliveryStatus;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.OutboxStatus;

/** Outbox message ↔ {@code outbox} row (an entity, or a row returned by a statement). */
final class OutboxMapper {

    private OutboxMapper() {
    }

    static OutboxMessage toDomain(OutboxEntity e) {
        return new OutboxMessage(
                e.id,
                new Msisdn(e.recipientMsisdn),
                MessagePurpose.valueOf(e.purpose),
                Optional.ofNullable(e.invoiceId).map(InvoiceId::new),
                Channel.valueOf(e.channel),
                OutboundContentJson.read(e.content),
                OutboxStatus.valueOf(e.status),
                e.attempts,
                e.nextAttemptAt,
                Optional.ofNullable(e.providerMessageId),
                Optional.ofNullable(e.deliveryStatus).map(DeliveryStatus::valueOf),
                Optional.ofNullable(e.lastError),
                e.createdAt,
                Optional.ofNullable(e.correlationId),
                Optional.ofNullable(e.coalescedInto));
    }

    static OutboxEntity toEntity(OutboxMessage m) {
        var e = new OutboxEntity();
        e.id = m.id();
        e.recipientMsisdn = m.recipient().value();
        e.purpose = m.purpose().name();
        e.invoiceId = m.invoiceId().map(InvoiceId::value).orElse(null);
        e.channel = m.channel().name();
        e.content = OutboundContentJson.write(m.content());
        e.status = m.status().name();
        e.attempts = m.attempts();
        e.nextAttemptAt = m.nextAttemptAt();
        e.providerMessageId = m.providerMessageId().orElse(null);
        e.deliveryStatus = m.delivery().map(DeliveryStatus::name).orElse(null);
        e.lastError = m.lastError().orElse(null);
        e.createdAt = m.createdAt();
        e.correlationId = m.correlationId().orElse(null);
        e.coalescedInto = m.coalescedInto().orElse(null);
        return e;
    }

    /** A row of {@code outbox} as returned by {@code RETURNING *}. */
    static OutboxMessage fromRow(ResultSet rs) throws SQLException {
        var e = new OutboxEntity();
        e.id = rs.getString("id");
        e.recipientMsisdn = rs.getString("recipient_msisdn");
        e.purpose = rs.getString("purpose");
        e.invoiceId = rs.getString("invoice_id");
        e.channel = rs.getString("channel");
        e.content = rs.getString("content");
        e.status = rs.getString("status");
        e.attempts = rs.getInt("attempts");
        e.nextAttemptAt = Sql.instant(rs, "next_attempt_at");
        e.providerMessageId = rs.getString("provider_message_id");
        e.deliveryStatus = rs.getString("delivery_status");
        e.lastError = rs.getString("last_error");
        e.createdAt = Sql.instant(rs, "created_at");
        e.correlationId = rs.getString("correlation_id");
        e.coalescedInto = rs.getString("coalesced_into");
        return toDomain(e);
    }
}
