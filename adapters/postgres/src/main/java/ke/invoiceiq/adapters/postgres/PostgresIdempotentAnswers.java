package ke.invoiceiq.adapters.postgres;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.domain.shared.IdempotentAnswers;

/**
 * First answers in {@code idempotency_answers}, one row per scope and key. A claim is one
 * {@code INSERT … ON CONFLICT DO UPDATE … WHERE}: it inserts a new key, or takes over a stale claim of the same
 * request, and a second claim racing the first waits for it, then sees its row and writes nothing. What it did not
 * write is then read, to tell a mismatch, a replay and a request still at work apart. Every method joins the
 * caller's transaction or runs in its own; call {@link #claim} on its own, so that the claim is seen by a repeat
 * at once.
 */
@ApplicationScoped
@Transactional
public class PostgresIdempotentAnswers implements IdempotentAnswers {

    /** A row read after the claim missed it can only have been purged meanwhile: then the claim is tried again. */
    private static final int ATTEMPTS = 3;

    private record Row(String fingerprint, Optional<Answer> answer) {
    }

    private final Sql sql;

    @Inject
    PostgresIdempotentAnswers(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Claim claim(String scope, String key, String fingerprint, Instant now, Instant staleBefore) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int claimed = sql.update("""
                    INSERT INTO idempotency_answers (scope, key, fingerprint, claimed_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (scope, key) DO UPDATE SET claimed_at = EXCLUDED.claimed_at
                     WHERE idempotency_answers.completed_at IS NULL
                       AND idempotency_answers.fingerprint = EXCLUDED.fingerprint
                       AND idempotency_answers.claimed_at < ?
                    """, scope, key, fingerprint, now, staleBefore);
            if (claimed == 1) {
                return new Claim.Claimed();
            }
            Optional<Row> row = sql.query("""
                    SELECT fingerprint, status, body FROM idempotency_answers WHERE scope = ? AND key = ?
                    """, rs -> {
                        int status = rs.getInt("status");
                        Optional<Answer> answer = rs.wasNull()
                                ? Optional.empty()
                                : Optional.of(new Answer(status, rs.getString("body")));
                        return new Row(rs.getString("fingerprint"), answer);
                    }, scope, key).stream().findFirst();
            if (row.isPresent()) {
                if (!row.get().fingerprint().equals(fingerprint)) {
                    return new Claim.Mismatch();
                }
                return row.get().answer().<Claim>map(Claim.Replay::new).orElseGet(Claim.Busy::new);
            }
        }
        throw new IllegalStateException("idempotency key in scope " + scope + " kept vanishing while claimed");
    }

    /**
     * The first answer stays: completing an answered key again changes nothing.
     *
     * @throws IllegalStateException when the key was never claimed (or was purged)
     */
    @Override
    public void complete(String scope, String key, Answer answer, Instant now) {
        int completed = sql.update("""
                UPDATE idempotency_answers SET status = ?, body = ?, completed_at = ?
                 WHERE scope = ? AND key = ? AND completed_at IS NULL
                """, answer.status(), answer.body(), now, scope, key);
        if (completed == 0 && sql.query("SELECT 1 FROM idempotency_answers WHERE scope = ? AND key = ?",
                rs -> true, scope, key).isEmpty()) {
            throw new IllegalStateException("idempotency key not claimed in scope " + scope);
        }
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
                    SELECT scope, key
                      FROM idempotency_answers
                     WHERE claimed_at < ?
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED)
                DELETE FROM idempotency_answers a
                 USING batch
                 WHERE a.scope = batch.scope AND a.key = batch.key AND a.claimed_at < ?
                """, cutoff, limit, cutoff);
    }
}
