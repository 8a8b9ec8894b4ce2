package ke.invoiceiq.adapters.postgres;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.Direction;
import ke.invoiceiq.domain.messaging.MessageLog;
import ke.invoiceiq.domain.messaging.MessageLogEntry;

/**
 * The audit trail in {@code message_log}: metadata only, the table has no column a text, a number or a name
 * could go in. The retention purge deletes one bounded batch per call. Every method joins the caller's
 * transaction or runs in its own.
 */
@ApplicationScoped
@Transactional
public class PostgresMessageLog implements MessageLog {

    private final Sql sql;

    @Inject
    PostgresMessageLog(Sql sql) {
        this.sql = sql;
    }

    /** @throws IllegalStateException when an entry with the same id is recorded already */
    @Override
    public void record(MessageLogEntry entry) {
        if (MessageLogEntity.count("id", entry.id()) > 0) {
            throw new IllegalStateException("message log entry " + entry.id() + " exists already");
        }
        var e = new MessageLogEntity();
        e.id = entry.id();
        e.invoiceId = entry.invoiceId().map(InvoiceId::value).orElse(null);
        e.channel = entry.channel().name();
        e.direction = entry.direction().name();
        e.event = entry.event();
        e.providerMessageId = entry.providerMessageId().orElse(null);
        e.errorCode = entry.errorCode().orElse(null);
        e.createdAt = entry.at();
        try {
            sql.insert(e);
        } catch (PersistenceException failure) {
            if (Constraints.isUniqueViolation(failure)) {
                throw new IllegalStateException("message log entry " + entry.id() + " exists already", failure);
            }
            throw failure;
        }
    }

    /** In time order; entries of the same instant in the order recorded. */
    @Override
    public List<MessageLogEntry> forInvoice(InvoiceId invoiceId) {
        return sql.detached(MessageLogEntity.<MessageLogEntity>list("invoiceId", Sort.by("createdAt").and("seq"),
                invoiceId.value())).stream().map(PostgresMessageLog::toDomain).toList();
    }

    /**
     * One DELETE of at most {@code limit} rows, picked through {@code message_log_created_idx} and locked with
     * {@code SKIP LOCKED}: short transactions, and concurrent purges split the rows.
     */
    @Override
    public int purgeBefore(Instant cutoff, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return 0;
        }
        return sql.update("""
                WITH batch AS MATERIALIZED (
                    SELECT id
                      FROM message_log
                     WHERE created_at < ?
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED)
                DELETE FROM message_log l
                 USING batch
                 WHERE l.id = batch.id
                """, cutoff, limit);
    }

    private static MessageLogEntry toDomain(MessageLogEntity e) {
        return new MessageLogEntry(e.id, Optional.ofNullable(e.invoiceId).map(InvoiceId::new),
                Channel.valueOf(e.channel), Direction.valueOf(e.direction), e.event,
                Optional.ofNullable(e.providerMessageId), Optional.ofNullable(e.errorCode), e.createdAt);
    }
}
