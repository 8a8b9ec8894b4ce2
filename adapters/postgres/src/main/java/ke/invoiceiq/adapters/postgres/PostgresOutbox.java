package ke.invoiceiq.adapters.postgres;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.DeliveryStatus;
import ke.invoiceiq.domain.messaging.EarlyDeliveryReport;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.OutboxStatus;

/**
 * The outbox in {@code outbox}. {@link #claimDue} takes rows with {@code FOR UPDATE SKIP LOCKED} and leases
 * them in the same statement, under the caller's claim token, so several dispatchers (threads or instances) never
 * get the same row; a SENDING row's {@code next_attempt_at} is the end of its lease, and every later write about it
 * is conditional on the token ({@code claim_token}). Every finished attempt (sent, retry, failed) counts in
 * {@code attempts}; a claim, a wait and a coalescing do not. Delivery reports that come before their send is
 * recorded wait in {@code held_delivery_reports}. Every change after the enqueue (claim, send, retry, failure,
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
    private final Event<OutboxRowQueued> queued;

    @Inject
    PostgresOutbox(Sql sql, Event<OutboxRowQueued> queued) {
        this.sql = sql;
        this.queued = queued;
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
        queued.fire(new OutboxRowQueued());
    }

    /** Oldest due first (due time, then creation, then id). */
    @Override
    public List<OutboxMessage> claimDue(String claim, Instant now, Duration lease, int limit) {
        Limits.requireNonNegative(limit);
        Limits.requirePositive(lease);
        Objects.requireNonNull(claim, "claim");
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
                       SET status = 'SENDING', next_attempt_at = ?, claim_token = ?, updated_at = ?
                      FROM due
                     WHERE o.id = due.id
                 RETURNING o.*, due.next_attempt_at AS due_at, due.created_at AS due_created_at)
                SELECT * FROM claimed ORDER BY due_at, due_created_at, id
                """, OutboxMapper::fromRow, now, limit, now.plus(lease), claim, now);
        return Collections.unmodifiableList(claimed);
    }

    /** Through {@code outbox_waiting_recipient_idx}; rows another dispatcher has locked are skipped. */
    @Override
    public List<OutboxMessage> claimWaiting(String claim, Msisdn recipient, Channel channel, MessagePurpose purpose,
            Instant now, Duration lease, int limit) {
        Limits.requireNonNegative(limit);
        Limits.requirePositive(lease);
        Objects.requireNonNull(claim, "claim");
        if (limit == 0) {
            return List.of();
        }
        var claimed = sql.query("""
                WITH waiting AS (
                    SELECT id, created_at
                      FROM outbox
                     WHERE recipient_msisdn = ? AND purpose = ? AND channel = ?
                       AND (status = 'PENDING' OR (status = 'SENDING' AND next_attempt_at <= ?))
                     ORDER BY created_at, id
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED),
                claimed AS (
                    UPDATE outbox o
                       SET status = 'SENDING', next_attempt_at = ?, claim_token = ?, updated_at = ?
                      FROM waiting
                     WHERE o.id = waiting.id
                 RETURNING o.*)
                SELECT * FROM claimed ORDER BY created_at, id
                """, OutboxMapper::fromRow, recipient.value(), purpose, channel, now, limit, now.plus(lease), claim,
                now);
        return Collections.unmodifiableList(claimed);
    }

    @Override
    public boolean claim(String id, String claim, Instant now, Duration lease) {
        Limits.requirePositive(lease);
        return sql.update("""
                UPDATE outbox SET status = 'SENDING', next_attempt_at = ?, claim_token = ?, updated_at = ?
                 WHERE id = ? AND status = 'PENDING'
                """, now.plus(lease), Objects.requireNonNull(claim, "claim"), now, id) == 1;
    }

    @Override
    public boolean renewLease(String id, String claim, Instant until, Instant now) {
        return held(id, claim, "next_attempt_at = ?, updated_at = ?", until, now);
    }

    @Override
    public boolean markSent(String id, String claim, Channel channel, String providerMessageId, Instant now) {
        return held(id, claim, """
                status = 'SENT', channel = ?, provider_message_id = ?, attempts = attempts + 1, claim_token = NULL,
                updated_at = ?""", channel, providerMessageId, now);
    }

    @Override
    public boolean retryLater(String id, String claim, Instant nextAttemptAt, String error, Instant now) {
        return held(id, claim, """
                status = 'PENDING', next_attempt_at = ?, last_error = ?, attempts = attempts + 1, claim_token = NULL,
                updated_at = ?""", nextAttemptAt, error, now);
    }

    @Override
    public boolean defer(String id, String claim, Instant nextAttemptAt, String reason, Instant now) {
        return held(id, claim, """
                status = 'PENDING', next_attempt_at = ?, last_error = ?, claim_token = NULL, updated_at = ?""",
                nextAttemptAt, reason, now);
    }

    @Override
    public boolean markFailed(String id, String claim, String error, Instant now) {
        return held(id, claim, """
                status = 'FAILED', last_error = ?, attempts = attempts + 1, claim_token = NULL, updated_at = ?""",
                error, now);
    }

    @Override
    public boolean markCoalesced(String id, String claim, String digestId, Instant now) {
        return held(id, claim, """
                status = 'COALESCED', coalesced_into = ?, claim_token = NULL, updated_at = ?""",
                Objects.requireNonNull(digestId, "digestId"), now);
    }

    /** One conditional UPDATE: the row changes only while it is FAILED (no dispatcher holds a FAILED row). */
    @Override
    public boolean replaceFailed(OutboxMessage next, Instant now) {
        return sql.update("""
                UPDATE outbox SET status = ?, attempts = ?, next_attempt_at = ?, claim_token = NULL, updated_at = ?
                 WHERE id = ? AND status = 'FAILED'
                """, next.status(), next.attempts(), next.nextAttemptAt(), now, next.id()) == 1;
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

    /** {@code ON CONFLICT DO NOTHING}: the same report held twice is one row. */
    @Override
    public void holdReport(EarlyDeliveryReport report) {
        sql.update("""
                INSERT INTO held_delivery_reports (channel, provider_message_id, status, error_code, reported_at,
                                                   held_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (channel, provider_message_id, status) DO NOTHING
                """, report.channel(), report.providerMessageId(), report.status(), report.errorCode(),
                report.reportedAt(), report.heldAt());
    }

    @Override
    public List<EarlyDeliveryReport> takeHeldReports(Channel channel, String providerMessageId) {
        var taken = new ArrayList<>(sql.query("""
                DELETE FROM held_delivery_reports WHERE channel = ? AND provider_message_id = ? RETURNING *
                """, PostgresOutbox::heldReport, channel, providerMessageId));
        taken.sort(Comparator.comparing(EarlyDeliveryReport::reportedAt));
        return List.copyOf(taken);
    }

    /**
     * Two statements: the stale reports go (through {@code held_delivery_reports_held_idx}), then a batch of the
     * matched ones is locked with {@code SKIP LOCKED} and deleted, so two dispatchers never apply one report twice.
     */
    @Override
    public List<EarlyDeliveryReport> takeMatchedHeldReports(Instant forgetHeldBefore, int limit) {
        Limits.requireNonNegative(limit);
        sql.update("DELETE FROM held_delivery_reports WHERE held_at < ?", forgetHeldBefore);
        if (limit == 0) {
            return List.of();
        }
        var taken = new ArrayList<>(sql.query("""
                WITH batch AS MATERIALIZED (
                    SELECT h.channel, h.provider_message_id, h.status
                      FROM held_delivery_reports h
                     WHERE EXISTS (SELECT 1 FROM outbox o
                                    WHERE o.provider_message_id = h.provider_message_id AND o.channel = h.channel)
                     ORDER BY h.held_at
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED)
                DELETE FROM held_delivery_reports h
                 USING batch
                 WHERE h.channel = batch.channel AND h.provider_message_id = batch.provider_message_id
                   AND h.status = batch.status
                RETURNING h.*
                """, PostgresOutbox::heldReport, limit));
        taken.sort(Comparator.comparing(EarlyDeliveryReport::heldAt)
                .thenComparing(EarlyDeliveryReport::reportedAt));
        return List.copyOf(taken);
    }

    /** Queued and leased messages: everything not finished yet. */
    @Override
    public long countPending() {
        return OutboxEntity.count("status in ?1", CLAIMABLE);
    }

    /** Read through {@code outbox_due_idx}, which holds the open rows only. */
    @Override
    public Optional<Instant> oldestPendingSince() {
        return Optional.ofNullable(sql.query("SELECT min(created_at) AS oldest FROM outbox"
                + " WHERE status IN ('PENDING', 'SENDING')", rs -> Sql.instant(rs, "oldest")).getFirst());
    }

    /**
     * One DELETE of at most {@code limit} SENT, FAILED, COALESCED or ABANDONED rows, picked through
     * {@code outbox_finished_idx} and locked with {@code SKIP LOCKED}. The status guard is checked again on the locked row, so a row the
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
                     WHERE status IN ('SENT', 'FAILED', 'COALESCED', 'ABANDONED') AND updated_at < ?
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED)
                DELETE FROM outbox o
                 USING batch
                 WHERE o.id = batch.id AND o.status IN ('SENT', 'FAILED', 'COALESCED', 'ABANDONED')
                   AND o.updated_at < ?
                """, cutoff, limit, cutoff);
    }

    /**
     * One conditional UPDATE: the row changes only while it is SENDING under {@code claim}, so a dispatcher whose
     * lease ran out and whose row another one claimed changes nothing. {@code params} fill {@code set}.
     */
    private boolean held(String id, String claim, String set, Object... params) {
        Object[] all = Arrays.copyOf(params, params.length + 2);
        all[params.length] = id;
        all[params.length + 1] = Objects.requireNonNull(claim, "claim");
        return sql.update("UPDATE outbox SET " + set + " WHERE id = ? AND claim_token = ? AND status = 'SENDING'",
                all) == 1;
    }

    private static EarlyDeliveryReport heldReport(ResultSet rs) throws SQLException {
        return new EarlyDeliveryReport(Channel.valueOf(rs.getString("channel")), rs.getString("provider_message_id"),
                DeliveryStatus.valueOf(rs.getString("status")), Optional.ofNullable(rs.getString("error_code")),
                Sql.instant(rs, "reported_at"), Sql.instant(rs, "held_at"));
    }
}
