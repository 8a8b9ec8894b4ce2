package ke.invoiceiq.adapters.postgres;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Pacing;
import ke.invoiceiq.domain.messaging.SendSlots;

/**
 * Send slots in {@code send_slots}: {@code to:<number>} per recipient, {@code number} for the business number's
 * current second, {@code once:<key>} for once-per-period claims. Each claim is one statement of
 * {@code INSERT … ON CONFLICT DO UPDATE … WHERE}: a second claim racing the first waits for its row lock, then sees
 * its row and takes nothing, so the limits hold across instances. Joins the caller's transaction or runs in its own;
 * the dispatcher calls it outside any, so the row locks last one statement.
 */
@ApplicationScoped
@Transactional
public class PostgresSendSlots implements SendSlots {

    private static final String NUMBER = "number";

    private record Answer(boolean taken, Optional<Instant> recipientBusyUntil, boolean numberTaken) {
    }

    private final Sql sql;

    @Inject
    PostgresSendSlots(Sql sql) {
        this.sql = sql;
    }

    /**
     * The recipient's turn is looked at first; the number's second is counted only when it is free, and the
     * recipient's turn taken only when the number's was: a refusal uses nothing up, except in the race where another
     * instance took the same recipient's turn in between (one send of the second is then lost, never exceeded).
     */
    @Override
    public Optional<Duration> tryTake(Msisdn recipient, Instant now, Pacing pacing) {
        Instant pairUntil = now.plus(pacing.pairInterval());
        Instant windowEnd = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        String pair = "to:" + recipient.value();
        Instant pairLatest = pairUntil.plus(CLOCK_SKEW);
        Instant windowLatest = windowEnd.plus(CLOCK_SKEW);
        Answer answer = sql.query("""
                WITH recipient_busy AS (
                    SELECT busy_until FROM send_slots WHERE key = ? AND busy_until > ? AND busy_until <= ?),
                number_turn AS (
                    INSERT INTO send_slots AS s (key, busy_until, taken)
                    SELECT ?, ?, 1 WHERE NOT EXISTS (SELECT 1 FROM recipient_busy)
                    ON CONFLICT (key) DO UPDATE
                       SET taken = CASE WHEN s.busy_until > ? AND s.busy_until <= ? THEN s.taken + 1 ELSE 1 END,
                           busy_until = CASE WHEN s.busy_until > ? AND s.busy_until <= ?
                                             THEN s.busy_until ELSE EXCLUDED.busy_until END
                     WHERE NOT (s.busy_until > ? AND s.busy_until <= ?) OR s.taken < ?
                    RETURNING 1),
                recipient_turn AS (
                    INSERT INTO send_slots AS s (key, busy_until, taken)
                    SELECT ?, ?, 1 FROM number_turn
                    ON CONFLICT (key) DO UPDATE SET busy_until = EXCLUDED.busy_until, taken = 1
                     WHERE NOT (s.busy_until > ? AND s.busy_until <= ?)
                    RETURNING 1)
                SELECT EXISTS (SELECT 1 FROM recipient_turn) AS taken,
                       (SELECT max(busy_until) FROM recipient_busy) AS recipient_busy_until,
                       EXISTS (SELECT 1 FROM number_turn) AS number_taken
                """, rs -> new Answer(rs.getBoolean("taken"),
                        Optional.ofNullable(Sql.instant(rs, "recipient_busy_until")), rs.getBoolean("number_taken")),
                pair, now, pairLatest,
                NUMBER, windowEnd, now, windowLatest, now, windowLatest, now, windowLatest, pacing.perSecond(),
                pair, pairUntil, now, pairLatest).getFirst();
        if (answer.taken()) {
            return Optional.empty();
        }
        if (answer.recipientBusyUntil().isPresent()) {
            return Optional.of(Duration.between(now, answer.recipientBusyUntil().get()));
        }
        if (!answer.numberTaken()) {
            return Optional.of(Duration.between(now, windowEnd));
        }
        return Optional.of(pacing.pairInterval());
    }

    @Override
    public void sentAt(Msisdn recipient, Instant acceptedAt, Pacing pacing) {
        sql.update("""
                INSERT INTO send_slots AS s (key, busy_until, taken) VALUES (?, ?, 1)
                ON CONFLICT (key) DO UPDATE SET busy_until = EXCLUDED.busy_until
                 WHERE s.busy_until < EXCLUDED.busy_until
                """, "to:" + recipient.value(), acceptedAt.plus(pacing.pairInterval()));
    }

    @Override
    public boolean tryOnce(String key, Instant now, Duration period) {
        Instant until = now.plus(period);
        return sql.update("""
                INSERT INTO send_slots AS s (key, busy_until, taken) VALUES (?, ?, 1)
                ON CONFLICT (key) DO UPDATE SET busy_until = EXCLUDED.busy_until
                 WHERE NOT (s.busy_until > ? AND s.busy_until <= ?)
                """, "once:" + Objects.requireNonNull(key, "key"), until, now, until.plus(CLOCK_SKEW)) == 1;
    }

    /** One DELETE of at most {@code limit} ended slots, locked with {@code SKIP LOCKED} like the other purges. */
    @Override
    public int purgeExpired(Instant now, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return 0;
        }
        return sql.update("""
                WITH batch AS MATERIALIZED (
                    SELECT key
                      FROM send_slots
                     WHERE busy_until <= ?
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED)
                DELETE FROM send_slots s
                 USING batch
                 WHERE s.key = batch.key AND s.busy_until <= ?
                """, now, limit, now);
    }
}
