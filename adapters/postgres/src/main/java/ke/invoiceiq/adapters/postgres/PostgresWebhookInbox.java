package ke.invoiceiq.adapters.postgres;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import ke.invoiceiq.domain.messaging.StoredWebhook;
import ke.invoiceiq.domain.messaging.WebhookInbox;

/**
 * Webhooks in {@code webhook_inbox}. {@link #claimDue} takes rows with {@code FOR UPDATE SKIP LOCKED} and leases
 * them in the same statement (as the outbox does), so two sweepers (threads or instances) never get the same row;
 * {@code leased_until} is the end of the lease and every claim counts in {@code attempts}. A failed try counts in
 * {@code failures} and waits until {@code next_attempt_at}. Marking is idempotent: the first processing time stays.
 * The retention purge deletes one bounded batch of processed rows per call. Every method joins the caller's
 * transaction or runs in its own; call {@link #claimDue} on its own, so the lease is committed before the processing
 * starts.
 *
 * <p>Sender order: a row is not claimed while an older unprocessed row sharing one of its {@code sender_keys} is
 * leased or waiting for its next try. Claims take a transaction-scoped advisory lock first, so they run one at a time
 * across instances: two claims at once could otherwise split one sender's rows (the older one locked by the first,
 * the newer one, which sees the older one's committed state as due, by the second). A claim is a few milliseconds.
 */
@ApplicationScoped
@Transactional
public class PostgresWebhookInbox implements WebhookInbox {

    /** The advisory lock of {@link #claimDue}: any constant no other code of ours locks. */
    static final long CLAIM_LOCK = 7_400_191_204_711L;

    private final Sql sql;

    @Inject
    PostgresWebhookInbox(Sql sql) {
        this.sql = sql;
    }

    @Override
    public StoredWebhook store(String provider, byte[] body, Instant receivedAt, Optional<String> correlationId,
            Set<String> senders, Optional<Instant> leasedUntil) {
        Objects.requireNonNull(leasedUntil, "leasedUntil");
        // validated before the insert, so a bad value fails the same way as in memory
        var candidate = new StoredWebhook(1, provider, body, receivedAt, correlationId, senders, 0);
        long id = sql.query("""
                INSERT INTO webhook_inbox (provider, body, received_at, correlation_id, sender_keys, leased_until)
                VALUES (?, ?, ?, ?, ?, ?)
                RETURNING id
                """, rs -> rs.getLong("id"), provider, candidate.body(), receivedAt, correlationId,
                candidate.senders().toArray(String[]::new), leasedUntil).getFirst();
        return new StoredWebhook(id, provider, candidate.body(), receivedAt, correlationId, candidate.senders(), 0);
    }

    /** Oldest first (received time, then id). */
    @Override
    public List<StoredWebhook> claimDue(Instant now, Duration lease, int limit) {
        Limits.requireNonNegative(limit);
        Limits.requirePositive(lease);
        if (limit == 0) {
            return List.of();
        }
        sql.query("SELECT pg_advisory_xact_lock(?)", rs -> true, CLAIM_LOCK);
        var claimed = sql.query("""
                WITH due AS (
                    SELECT w.id
                      FROM webhook_inbox w
                     WHERE w.processed_at IS NULL
                       AND (w.leased_until IS NULL OR w.leased_until <= ?)
                       AND (w.next_attempt_at IS NULL OR w.next_attempt_at <= ?)
                       AND NOT EXISTS (
                           SELECT 1
                             FROM webhook_inbox o
                            WHERE o.processed_at IS NULL
                              AND o.sender_keys && w.sender_keys
                              AND (o.received_at, o.id) < (w.received_at, w.id)
                              AND (o.leased_until > ? OR o.next_attempt_at > ?))
                     ORDER BY w.received_at, w.id
                     LIMIT ?
                       FOR UPDATE OF w SKIP LOCKED),
                claimed AS (
                    UPDATE webhook_inbox w
                       SET leased_until = ?, attempts = w.attempts + 1
                      FROM due
                     WHERE w.id = due.id
                 RETURNING w.*)
                SELECT * FROM claimed ORDER BY received_at, id
                """, PostgresWebhookInbox::fromRow, now, now, now, now, limit, now.plus(lease));
        return Collections.unmodifiableList(claimed);
    }

    @Override
    public Turn begin(long id) {
        List<Boolean> behind = sql.query("""
                SELECT EXISTS (
                           SELECT 1
                             FROM webhook_inbox o
                            WHERE o.processed_at IS NULL
                              AND o.sender_keys && w.sender_keys
                              AND (o.received_at, o.id) < (w.received_at, w.id)) AS waits
                  FROM webhook_inbox w
                 WHERE w.id = ? AND w.processed_at IS NULL
                """, rs -> rs.getBoolean("waits"), id);
        if (behind.isEmpty()) {
            return Turn.DONE;
        }
        if (!behind.getFirst()) {
            return Turn.PROCEED;
        }
        release(List.of(id));
        return Turn.WAIT;
    }

    @Override
    public void markProcessed(long id, Instant now) {
        sql.update("UPDATE webhook_inbox SET processed_at = ? WHERE id = ? AND processed_at IS NULL", now, id);
    }

    @Override
    public void markFailed(long id, String error, Instant retryAt) {
        Objects.requireNonNull(retryAt, "retryAt");
        sql.update("""
                UPDATE webhook_inbox
                   SET failures = failures + 1, last_error = ?, next_attempt_at = ?, leased_until = NULL
                 WHERE id = ? AND processed_at IS NULL
                """, errorKind(error), retryAt, id);
    }

    @Override
    public void markGivenUp(long id, String error, Instant now) {
        Objects.requireNonNull(now, "now");
        sql.update("""
                UPDATE webhook_inbox
                   SET failures = failures + 1, last_error = ?, processed_at = ?, given_up_at = ?, leased_until = NULL
                 WHERE id = ? AND processed_at IS NULL
                """, errorKind(error), now, now, id);
    }

    @Override
    public void release(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        sql.update("UPDATE webhook_inbox SET leased_until = NULL WHERE id = ANY (?::bigint[]) AND processed_at IS NULL",
                (Object) ids.stream().map(String::valueOf).toArray(String[]::new));
    }

    @Override
    public Optional<Instant> oldestUnprocessed() {
        return Optional.ofNullable(sql.query("SELECT min(received_at) AS oldest FROM webhook_inbox"
                + " WHERE processed_at IS NULL", rs -> Sql.instant(rs, "oldest")).getFirst());
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

    /** At most 200 characters of the error's kind: the column's limit. */
    private static String errorKind(String error) {
        Objects.requireNonNull(error, "error");
        return error.length() <= 200 ? error : error.substring(0, 200);
    }

    private static StoredWebhook fromRow(ResultSet rs) throws SQLException {
        Array senders = rs.getArray("sender_keys");
        return new StoredWebhook(rs.getLong("id"), rs.getString("provider"), rs.getBytes("body"),
                Sql.instant(rs, "received_at"), Optional.ofNullable(rs.getString("correlation_id")),
                Set.of((String[]) senders.getArray()), rs.getInt("failures"));
    }
}
