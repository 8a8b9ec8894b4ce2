package ke.invoiceiq.adapters.postgres;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import ke.invoiceiq.domain.messaging.InboundEventLog;

/**
 * Provider events seen, in {@code inbound_events} keyed by (provider, event id). One
 * {@code INSERT … ON CONFLICT DO NOTHING}: a redelivery racing the first delivery waits for it and then inserts
 * nothing, so exactly one caller sees the event first, and a redelivery never fails the caller's transaction.
 * The retention purge deletes one bounded batch per call (see {@link #purgeBefore}). Joins the caller's
 * transaction or runs in its own.
 */
@ApplicationScoped
@Transactional
public class PostgresInboundEventLog implements InboundEventLog {

    private final Sql sql;

    @Inject
    PostgresInboundEventLog(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean firstSeen(String provider, String eventId, Instant at) {
        return sql.update("""
                INSERT INTO inbound_events (provider, event_id, seen_at) VALUES (?, ?, ?)
                ON CONFLICT (provider, event_id) DO NOTHING
                """, provider, eventId, at) == 1;
    }

    @Override
    public boolean seen(String provider, String eventId) {
        return !sql.query("SELECT 1 FROM inbound_events WHERE provider = ? AND event_id = ?", rs -> true, provider,
                eventId).isEmpty();
    }

    /**
     * One DELETE of at most {@code limit} rows, picked through {@code inbound_events_seen_idx} and locked with
     * {@code SKIP LOCKED}, so a big purge is many short transactions and two instances purging at once split
     * the rows instead of waiting for each other.
     */
    @Override
    public int purgeBefore(Instant cutoff, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return 0;
        }
        return sql.update("""
                WITH batch AS MATERIALIZED (
                    SELECT provider, event_id
                      FROM inbound_events
                     WHERE seen_at < ?
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED)
                DELETE FROM inbound_events e
                 USING batch
                 WHERE e.provider = batch.provider AND e.event_id = batch.event_id
                """, cutoff, limit);
    }
}
