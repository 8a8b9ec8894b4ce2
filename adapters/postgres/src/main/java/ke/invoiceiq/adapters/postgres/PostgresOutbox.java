package ke.invoiceiq.adapters.postgres;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.DeliveryStatus;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.OutboxStatus;

/**
 * The outbox in {@code outbox}. {@link #claimDue} takes rows with {@code FOR UPDATE SKIP LOCKED} and leases
 * them in the same statement, so several dispatchers (threads or instances) never get the same row; a SENDING
 * row's {@code next_attempt_at} is the end of its lease. Every finished attempt (sent, retry, failed) counts
 * in {@code attempts}; a claim alone does not. Every change after the enqueue (claim, send, retry, failure,
 * delivery report) stamps {@code updated_at} with the caller's {@code now}, the clock the retention purge's
 * cutoff comes from, so a row is purged by the time of its last change. Every method joins the caller's
 * transaction or runs in its own; call {@link #claimDue} on its own, so the lease is committed before the
 * sending starts.
 */
@ApplicationScoped
@Transactional
public class PostgresOutbox implements Outbox {

    private static final List<String> CLAIMABLE = List.of(OutboxStatus.PENDING.name(), OutboxStatus.SENDING.name());

    private final Sql sql;

    @Inject
    PostgresOutbox(Sql sql) {
        this.sql = sql;
    }

    /** @throws IllegalStateException when a message with the same id is queued already */
    @Override
    public void enqueue(OutboxMessage message) {
        if (OutboxEntity.count("id", message.id()) > 0) {
            throw new IllegalStateException("outbox message " + message.id() + " exists already");
        }
        try {
            sql.insert(OutboxMapper.toEntity(message));
        } catch (PersistenceException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw new IllegalStateException("outbox message " + message.id() + " exists already", e);
            }
            throw e;
        }
    }

    /** Oldest due first (due time, then creation, then id). */
    @Override
    public List<OutboxMessage> claimDue(Instant now, Duration lease, int limit) {
        Limits.requireNonNegative(limit);
        Limits.requirePositive(lease);
        if (limit == 0) {
            return List.of();
        }
        var claimed = sql.query("""
                WITH due AS (
                    SELECT id, next_attempt_at, created_at
                      FROM outbox
                     WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= ?
                     ORDER BY next_attempt_at, created_at, id
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED),
                claimed AS (
                    UPDATE outbox o
                       SET status = 'SENDING', next_attempt_at = ?, updated_at = ?
                      FROM due
                     WHERE o.id = due.id
                 RETURNING o.*, due.next_attempt_at AS due_at, due.created_at AS due_created_at)
                SELECT * FROM claimed ORDER BY due_at, due_created_at, id
                """, OutboxMapper::fromRow, now, limit, now.plus(lease), now);
        return Collections.unmodifiableList(claimed);
    }

    @Override
    public void markSent(String id, Channel channel, String providerMessageId, Instant now) {
        change(id, """
                UPDATE outbox SET status = 'SENT', channel = ?, provider_message_id = ?, attempts = attempts + 1,
                                  updated_at = ?
                 WHERE id = ?
                """, channel, providerMessageId, now, id);
    }

    @Override
    public void retryLater(String id, Instant nextAttemptAt, String error, Instant now) {
        change(id, """
                UPDATE outbox SET status = 'PENDING', next_attempt_at = ?, last_error = ?, attempts = attempts + 1,
                                  updated_at = ?
                 WHERE id = ?
                """, nextAttemptAt, error, now, id);
    }

    @Override
    public void markFailed(String id, String error, Instant now) {
        change(id, """
                UPDATE outbox SET status = 'FAILED', last_error = ?, attempts = attempts + 1, updated_at = ?
                 WHERE id = ?
                """, error, now, id);
    }

    @Override
    public Optional<OutboxMessage> find(String id) {
        return sql.detached(OutboxEntity.<OutboxEntity>findByIdOptional(id)).map(OutboxMapper::toDomain);
    }

    @Override
    public Optional<OutboxMessage> findByProviderMessageId(Channel channel, String providerMessageId) {
        return sql.detached(OutboxEntity.<OutboxEntity>find("channel = ?1 and providerMessageId = ?2",
                        Sort.by("createdAt").and("id"), channel.name(), providerMessageId).firstResultOptional())
                .map(OutboxMapper::toDomain);
    }

    /**
     * One conditional UPDATE: the status changes only from one the domain lets advance to {@code status}, so two
     * reports racing each other cannot move it backwards. An unknown id changes nothing and answers false.
     */
    @Override
    public boolean recordDelivery(String id, DeliveryStatus status, Instant now) {
        List<String> advancing = Arrays.stream(DeliveryStatus.values())
                .filter(current -> current.canAdvanceTo(status))
                .map(DeliveryStatus::name)
                .toList();
        String from = advancing.isEmpty() ? "" : " OR delivery_status IN ("
                + String.join(", ", Collections.nCopies(advancing.size(), "?")) + ")";
        Object[] params = new Object[3 + advancing.size()];
        params[0] = status;
        params[1] = now;
        params[2] = id;
        for (int i = 0; i < advancing.size(); i++) {
            params[3 + i] = advancing.get(i);
        }
        return sql.update("UPDATE outbox SET delivery_status = ?, updated_at = ? WHERE id = ?"
                + " AND (delivery_status IS NULL" + from + ")", params) == 1;
    }

    /** Queued and leased messages: everything not sent or failed yet. */
    @Override
    public long countPending() {
        return OutboxEntity.count("status in ?1", CLAIMABLE);
    }

    /**
     * One DELETE of at most {@code limit} SENT or FAILED rows, picked through {@code outbox_finished_idx} and
     * locked with {@code SKIP LOCKED}. The status guard is checked again on the locked row, so a row the
     * dispatcher holds or has just put back to PENDING is never deleted, and a delivery report being recorded
     * right now keeps its row. The batch is a {@code MATERIALIZED} CTE, picked once: a {@code LIMIT}ed sub-select
     * under {@code IN (…)} may be run again by the planner for each outer row and then deletes more than the
     * limit (every purge in this adapter is written the same way for that reason).
     */
    @Override
    public int purgeFinishedBefore(Instant cutoff, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return 0;
        }
        return sql.update("""
                WITH batch AS MATERIALIZED (
                    SELECT id
                      FROM outbox
                     WHERE status IN ('SENT', 'FAILED') AND updated_at < ?
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED)
                DELETE FROM outbox o
                 USING batch
                 WHERE o.id = batch.id AND o.status IN ('SENT', 'FAILED') AND o.updated_at < ?
                """, cutoff, limit, cutoff);
    }

    private void change(String id, String statement, Object... params) {
        if (sql.update(statement, params) == 0) {
            throw new IllegalStateException("no outbox message " + id);
        }
    }
}
