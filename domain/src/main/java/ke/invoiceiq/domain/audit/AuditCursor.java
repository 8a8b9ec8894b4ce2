package ke.invoiceiq.domain.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A position in the newest-first order of the audit trail ({@code at} descending, then {@code id} descending): the
 * last entry of a page. The next page holds the entries strictly after it, so entries recorded meanwhile never shift
 * a page.
 */
public record AuditCursor(Instant at, String id) {

    public AuditCursor {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }

    public static AuditCursor after(AuditEntry entry) {
        return new AuditCursor(entry.at(), entry.id());
    }

    /** Whether {@code entry} comes strictly after this position in the newest-first order. */
    public boolean precedes(AuditEntry entry) {
        int byTime = entry.at().compareTo(at);
        return byTime < 0 || (byTime == 0 && entry.id().compareTo(id) < 0);
    }
}
