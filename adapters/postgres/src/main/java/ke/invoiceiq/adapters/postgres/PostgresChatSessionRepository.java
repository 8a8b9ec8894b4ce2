package ke.invoiceiq.adapters.postgres;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.chat.ChatSession;
import ke.invoiceiq.domain.chat.ChatSessionRepository;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;

/**
 * Merchants' sessions in {@code chat_sessions}, version-checked: a new session (version 0) is an
 * {@code INSERT … ON CONFLICT DO NOTHING}, a change an {@code UPDATE … WHERE version = ?}; no row written means
 * someone else wrote first ({@link ConcurrentUpdateException}). A session's last activity, for the retention
 * purge, is its last input while guided and its last write ({@code updated_at}, the database's clock) once
 * idle. Every method joins the caller's transaction or runs in its own.
 */
@ApplicationScoped
@Transactional
public class PostgresChatSessionRepository implements ChatSessionRepository {

    private final Sql sql;

    @Inject
    PostgresChatSessionRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<ChatSession> find(Msisdn merchant) {
        return sql.detached(ChatSessionEntity.<ChatSessionEntity>findByIdOptional(merchant.value()))
                .map(PostgresChatSessionRepository::toDomain);
    }

    @Override
    public ChatSession save(ChatSession session) {
        String kind = ChatStateJson.kind(session.state());
        String state = ChatStateJson.write(session.state());
        Optional<Instant> lastInputAt = ChatStateJson.lastInputAt(session.state());
        int written = session.version() == 0
                ? sql.update("""
                        INSERT INTO chat_sessions (merchant_msisdn, state_kind, state, last_input_at, version)
                        VALUES (?, ?, cast(? AS jsonb), ?, 1)
                        ON CONFLICT (merchant_msisdn) DO NOTHING
                        """, session.merchant().value(), kind, state, lastInputAt)
                : sql.update("""
                        UPDATE chat_sessions
                           SET state_kind = ?, state = cast(? AS jsonb), last_input_at = ?, version = version + 1,
                               updated_at = now()
                         WHERE merchant_msisdn = ? AND version = ?
                        """, kind, state, lastInputAt, session.merchant().value(), session.version());
        if (written == 0) {
            throw new ConcurrentUpdateException("chat session of " + session.merchant());
        }
        return new ChatSession(session.merchant(), session.state(), session.version() + 1);
    }

    /** The longest idle first. */
    @Override
    public List<ChatSession> findInactiveSince(Instant cutoff, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return List.of();
        }
        return sql.detached(ChatSessionEntity.<ChatSessionEntity>find("lastInputAt < ?1",
                        Sort.by("lastInputAt").and("merchantMsisdn"), cutoff)
                .range(0, limit - 1).list()).stream().map(PostgresChatSessionRepository::toDomain).toList();
    }

    /**
     * One DELETE of at most {@code limit} rows. {@code chat_sessions} holds one row per merchant number, so it
     * needs no index of its own. The rows are locked with {@code SKIP LOCKED} and the age is checked on the
     * locked row, so a session a merchant is writing to right now is never deleted; one read just before the
     * delete fails its versioned save ({@link ConcurrentUpdateException}) and the merchant's turn starts again.
     */
    @Override
    public int purgeInactiveBefore(Instant cutoff, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return 0;
        }
        return sql.update("""
                WITH batch AS MATERIALIZED (
                    SELECT merchant_msisdn
                      FROM chat_sessions
                     WHERE coalesce(last_input_at, updated_at) < ?
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED)
                DELETE FROM chat_sessions s
                 USING batch
                 WHERE s.merchant_msisdn = batch.merchant_msisdn AND coalesce(s.last_input_at, s.updated_at) < ?
                """, cutoff, limit, cutoff);
    }

    private static ChatSession toDomain(ChatSessionEntity e) {
        return new ChatSession(new Msisdn(e.merchantMsisdn), ChatStateJson.read(e.state), e.version);
    }
}
