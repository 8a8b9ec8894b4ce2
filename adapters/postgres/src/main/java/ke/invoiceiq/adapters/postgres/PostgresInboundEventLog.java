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
 * Joins the caller's transaction or runs in its own.
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
}
