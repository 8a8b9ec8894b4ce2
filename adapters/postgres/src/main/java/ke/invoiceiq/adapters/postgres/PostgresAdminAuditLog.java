package ke.invoiceiq.adapters.postgres;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.audit.AdminAction;
import ke.invoiceiq.domain.audit.AdminAuditLog;
import ke.invoiceiq.domain.audit.AuditCursor;
import ke.invoiceiq.domain.audit.AuditEntry;
import ke.invoiceiq.domain.audit.KeyFingerprint;

/**
 * The audit trail in {@code admin_audit} (V10): one {@code INSERT} per entry, never an update or a delete. Ids are
 * compared byte by byte ({@code COLLATE "C"}), as Java compares strings, so the order and the cursors agree with the
 * in-memory store whatever the database's collation. Every method joins the caller's transaction or runs in its own.
 */
@ApplicationScoped
@Transactional
public class PostgresAdminAuditLog implements AdminAuditLog {

    private final Sql sql;

    @Inject
    PostgresAdminAuditLog(Sql sql) {
        this.sql = sql;
    }

    /** @throws IllegalStateException when an entry with its id is kept already */
    @Override
    public void append(AuditEntry entry) {
        try {
            sql.update("""
                    INSERT INTO admin_audit (id, at, key_fingerprint, action, target, outcome)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                    entry.id(), entry.at(), entry.key().value(), entry.action(), entry.target(), entry.outcome());
        } catch (PersistenceException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw new IllegalStateException("audit entry " + entry.id() + " exists already", e);
            }
            throw e;
        }
    }

    @Override
    public List<AuditEntry> latest(Optional<AuditCursor> after, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return List.of();
        }
        if (after.isEmpty()) {
            return sql.query("""
                    SELECT * FROM admin_audit ORDER BY at DESC, id COLLATE "C" DESC LIMIT ?
                    """, PostgresAdminAuditLog::fromRow, limit);
        }
        AuditCursor cursor = after.get();
        return sql.query("""
                SELECT * FROM admin_audit
                 WHERE at < ? OR (at = ? AND id COLLATE "C" < ?)
                 ORDER BY at DESC, id COLLATE "C" DESC
                 LIMIT ?
                """, PostgresAdminAuditLog::fromRow, cursor.at(), cursor.at(), cursor.id(), limit);
    }

    private static AuditEntry fromRow(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getString("id"),
                Sql.instant(rs, "at"),
                new KeyFingerprint(rs.getString("key_fingerprint")),
                AdminAction.valueOf(rs.getString("action")),
                Optional.ofNullable(rs.getString("target")),
                rs.getString("outcome"));
    }
}
