package ke.invoiceiq.adapters.memory;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ke.invoiceiq.domain.audit.AdminAuditLog;
import ke.invoiceiq.domain.audit.AuditCursor;
import ke.invoiceiq.domain.audit.AuditEntry;

/** The audit trail in a map by id; newest first is the time, then the id, descending, as in the database. */
public final class InMemoryAdminAuditLog implements AdminAuditLog {

    private static final Comparator<AuditEntry> NEWEST_FIRST =
            Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::id).reversed();

    private final Map<String, AuditEntry> byId = new LinkedHashMap<>();

    @Override
    public synchronized void append(AuditEntry entry) {
        if (byId.putIfAbsent(entry.id(), entry) != null) {
            throw new IllegalStateException("audit entry " + entry.id() + " exists already");
        }
    }

    @Override
    public synchronized List<AuditEntry> latest(Optional<AuditCursor> after, int limit) {
        Limits.requireNonNegative(limit);
        return byId.values().stream()
                .filter(e -> after.isEmpty() || after.get().precedes(e))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }
}
