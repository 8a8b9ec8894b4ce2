package ke.invoiceiq.adapters.postgres;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.ReplyCooldowns;

/**
 * Cooldowns in {@code reply_cooldowns}, one row per number and channel. The claim is one
 * {@code INSERT … ON CONFLICT DO UPDATE … WHERE}: a second claim racing the first waits for it, then sees its row
 * and updates nothing, so exactly one of them answers. Joins the caller's transaction (the claim rolls back with
 * the reply it allowed) or runs in its own.
 */
@ApplicationScoped
@Transactional
public class PostgresReplyCooldowns implements ReplyCooldowns {

    private final Sql sql;

    @Inject
    PostgresReplyCooldowns(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean tryStart(Msisdn recipient, Channel channel, Instant now, Duration period) {
        return sql.update("""
                INSERT INTO reply_cooldowns (msisdn, channel, last_reply_at) VALUES (?, ?, ?)
                ON CONFLICT (msisdn, channel) DO UPDATE SET last_reply_at = EXCLUDED.last_reply_at
                 WHERE reply_cooldowns.last_reply_at <= ?
                """, recipient.value(), channel.name(), now, now.minus(period)) == 1;
    }

    /** One DELETE of at most {@code limit} rows, locked with {@code SKIP LOCKED} like the other purges. */
    @Override
    public int purgeBefore(Instant cutoff, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return 0;
        }
        return sql.update("""
                WITH batch AS MATERIALIZED (
                    SELECT msisdn, channel
                      FROM reply_cooldowns
                     WHERE last_reply_at < ?
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED)
                DELETE FROM reply_cooldowns r
                 USING batch
                 WHERE r.msisdn = batch.msisdn AND r.channel = batch.channel
                """, cutoff, limit);
    }
}
