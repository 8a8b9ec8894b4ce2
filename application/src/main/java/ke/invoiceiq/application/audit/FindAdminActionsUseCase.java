package ke.invoiceiq.application.audit;

import java.util.Optional;
import ke.invoiceiq.domain.audit.AuditCursor;

/** Driving port: the audit trail, newest first, one page at a time. */
public interface FindAdminActionsUseCase {

    /** The most one page holds. */
    int MAX_LIMIT = 100;

    /** The entries strictly after {@code after} (the first page when empty), at most {@code limit} (1 to {@link #MAX_LIMIT}). */
    AuditPage page(Optional<AuditCursor> after, int limit);
}
