package ke.invoiceiq.adapters.postgres;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Pacing;
import ke.invoiceiq.domain.messaging.SendSlots;
import ke.invoiceiq.domain.messaging.SendTurn;

/**
 * Send slots in {@code send_slots}: {@code to:<number>} per recipient, {@code number} for when the business number's
 * next turn starts, {@code once:<key>} for once-per-period claims. Each claim is one statement of
 * {@code INSERT … ON CONFLICT DO UPDATE … WHERE}: a second claim racing the first waits for its row lock, then sees
 * its row and takes nothing, so the limits hold across instances. Joins the caller's transaction or runs in its own;
 * the dispatcher calls it outside any, so the row locks last one statement.
 */
@ApplicationScoped
@Transactional
public class PostgresSendSlots implements SendSlots {

    private static final String NUMBER = "number";

    private record Answer(boolean taken, Optional<Instant> recipientBusyUntil, Optional<Instant> numberNext,
            Optional<Instant> numberWas) {
    }

    private final Sql sql;

    @Inject
    PostgresSendSlots(Sql sql) {
        this.sql = sql;
    }

    /**
     * The recipient's turn is looked at first; the number's next turn is taken only when it is free, and the
     * recipient's turn (from the number's) only when the number's was: a refusal uses nothing up, except in the race
     * where another instance took the same recipient's turn in between (one of the number's turns then goes unused,
     * never exceeded). The number's row holds when its next turn starts.
     */
    @Override
    public SendTurn tryTake(Msisdn recipient, Instant now, Pacing pacing) {
        long spacingMicros = pacing.numberSpacing().toNanos() / 1_000;
        long pairAfterTurnMicros = pacing.pairInterval().toNanos() / 1_000;
        String pair = "to:" + recipient.value();
        Instant aheadEnd = now.plus(NUMBER_TURNS_AHEAD);
        Instant numberLatest = aheadEnd.plus(pacing.numberSpacing()).plus(NUMBER_CLOCK_SKEW);
        Instant pairLatest = now.plus(pacing.pairInterval()).plus(NUMBER_TURNS_AHEAD).plus(CLOCK_SKEW);
        Answer answer = sql.query("""
                WITH recipient_busy AS (
                    SELECT busy_until FROM send_slots WHERE key = ? AND busy_until > ? AND busy_until <= ?),
                number_turn AS (
                    INSERT INTO send_slots AS s (key, busy_until, taken)
                    SELECT ?, ?::timestamptz + ? * interval '1 microsecond', 1
                     WHERE NOT EXISTS (SELECT 1 FROM recipient_busy)
                    ON CONFLICT (key) DO UPDATE
                       SET busy_until = CASE WHEN s.busy_until > ? AND s.busy_until <= ?
                                             THEN s.busy_until + ? * interval '1 microsecond'
                                             ELSE EXCLUDED.busy_until END,
                           taken = 1
                     WHERE NOT (s.busy_until > ? AND s.busy_until <= ?)
                    RETURNING s.busy_until),
                recipient_turn AS (
                    INSERT INTO send_slots AS s (key, busy_until, taken)
                    SELECT ?, n.busy_until + ? * interval '1 microsecond', 1 FROM number_turn n
                    ON CONFLICT (key) DO UPDATE SET busy_until = EXCLUDED.busy_until, taken = 1
                     WHERE NOT (s.busy_until > ? AND s.busy_until <= ?)
                    RETURNING 1)
                SELECT EXISTS (SELECT 1 FROM recipient_turn) AS taken,
                       (SELECT max(busy_until) FROM recipient_busy) AS recipient_busy_until,
                       (SELECT busy_until FROM number_turn) AS number_next,
                       (SELECT busy_until FROM send_slots WHERE key = ?) AS number_was
                """, rs -> new Answer(rs.getBoolean("taken"),
                        Optional.ofNullable(Sql.instant(rs, "recipient_busy_until")),
                        Optional.ofNullable(Sql.instant(rs, "number_next")),
                        Optional.ofNullable(Sql.instant(rs, "number_was"))),
                pair, now, pairLatest,
                NUMBER, now, spacingMicros,
                now, numberLatest, spacingMicros,
                aheadEnd, numberLatest,
                pair, pairAfterTurnMicros - spacingMicros, now, pairLatest,
                NUMBER).getFirst();
        if (answer.taken()) {
            Instant turn = answer.numberNext().orElseThrow().minus(pacing.numberSpacing());
            return new SendTurn.Taken(turn.isAfter(now) ? Duration.between(now, turn) : Duration.ZERO);
        }
        if (answer.recipientBusyUntil().isPresent()) {
            return new SendTurn.Paced(Duration.between(now, answer.recipientBusyUntil().get()));
        }
        if (answer.numberNext().isEmpty()) {
            Duration wait = answer.numberWas()
                    .filter(was -> was.isAfter(aheadEnd))
                    .map(was -> Duration.between(aheadEnd, was))
                    .orElse(pacing.numberSpacing());
            return new SendTurn.Throttled(wait);
        }
        return new SendTurn.Paced(pacing.pairInterval());
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
