package ke.invoiceiq.domain.audit;

import java.util.List;
import java.util.Optional;

/** Driven port: the audit trail of admin actions. Append-only: nothing is ever changed or purged. */
public interface AdminAuditLog {

    /** @throws IllegalStateException when an entry with its id is kept already */
    void append(AuditEntry entry);

    /** Newest first, strictly after {@code after} (from the newest when empty); at most {@code limit}. */
    List<AuditEntry> latest(Optional<AuditCursor> after, int limit);
}
