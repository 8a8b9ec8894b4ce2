package ke.invoiceiq.adapters.postgres;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.messaging.StoredWebhook;
import ke.invoiceiq.domain.messaging.WebhookInbox;

/**
 * Webhooks in {@code webhook_inbox}. {@link #claimDue} takes rows with {@code FOR UPDATE SKIP LOCKED} and leases
 * them in the same statement (as the outbox does), so two sweepers (threads or instances) never get the same row;
 * {@code leased_until} is the end of the lease and every claim counts in {@code attempts}. Marking is idempotent:
 * the first processing time stays. The retention purge deletes one bounded batch of processed rows per call. Every
 * method joins the caller's transaction or runs in its own; call {@link #claimDue} on its own, so the lease is
 * committed before the processing starts.
 */
@ApplicationScoped
@Transactional
public class PostgresWebhookInbox implements WebhookInbox {

    private final Sql sql;

    @Inject
    PostgresWebhookInbox(Sql sql) {
        this.sql = sql;
    }

    @Override
    public StoredWebhook store(String provider, byte[] body, Instant receivedAt, Optional<String> correlationId) {
        // validated before the insert, so a bad value fails the same way as in memory
        var candidate = new StoredWebhook(1, provider, body, receivedAt, correlationId);
        long id = sql.query("""
                INSERT INTO webhook_inbox (provider, body, received_at, correlation_id)
                VALUES (?, ?, ?, ?)
                RETURNING id
                """, rs -> rs.getLong("id"), provider, candidate.body(), receivedAt, correlationId).getFirst();
        return new StoredWebhook(id, provider, candidate.body(), receivedAt, correlationId);
    }

    /** Oldest first (received time, then id). */
    @Override
    public List<StoredWebhook> claimDue(Instant now, Duration lease, int limit) {
        Limits.requireNonNegative(limit);
        Limits.requirePositive(lease);
        if (limit == 0) {
            return List.of();
        }
        var claimed = sql.query("""
                WITH due AS (
                    SELECT id
                      FROM webhook_inbox
                     WHERE processed_at IS NULL AND received_at <= ?
                       AND (leased_until IS NULL OR leased_until <= ?)
                     ORDER BY received_at, id
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED),
                claimed AS (
                    UPDATE webhook_inbox w
                       SET leased_until = ?, attempts = w.attempts + 1
                      FROM due
                     WHERE w.id = due.id
                 RETURNING w.*)
                SELECT * FROM claimed ORDER BY received_at, id
                """, PostgresWebhookInbox::fromRow, now.minus(lease), now, limit, now.plus(lease));
        return Collections.unmodifiableList(claimed);
    }

    @Override
    public void markProcessed(long id, Instant now) {
        sql.update("UPDATE webhook_inbox SET processed_at = ? WHERE id = ? AND processed_at IS NULL", now, id);
    }

    /**
     * One DELETE of at most {@code limit} processed rows, picked through {@code webhook_inbox_processed_idx} and
     * locked with {@code SKIP LOCKED}; {@code processed_at IS NOT NULL} is checked again on the locked row. The batch
     * is a {@code MATERIALIZED} CTE, picked once (see {@code PostgresOutbox.purgeFinishedBefore}).
     */
    @Override
    public int purgeProcessedBefore(Instant cutoff, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return 0;
        }
        return sql.update("""
                WITH batch AS MATERIALIZED (
                    SELECT id
                      FROM webhook_inbox
                     WHERE processed_at IS NOT NULL AND processed_at < ?
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED)
                DELETE FROM webhook_inbox w
                 USING batch
                 WHERE w.id = batch.id AND w.processed_at IS NOT NULL AND w.processed_at < ?
                """, cutoff, limit, cutoff);
    }

    private static StoredWebhook fromRow(ResultSet rs) throws SQLException {
        return new StoredWebhook(rs.getLong("id"), rs.getString("provider"), rs.getBytes("body"),
                Sql.instant(rs, "received_at"), Optional.ofNullable(rs.getString("correlation_id")));
    }
}
