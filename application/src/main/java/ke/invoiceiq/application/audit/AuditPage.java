package ke.invoiceiq.application.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.audit.AuditCursor;
import ke.invoiceiq.domain.audit.AuditEntry;

/** One page of the audit trail, newest first; {@code next} only when at least one more entry follows. */
public record AuditPage(List<AuditEntry> items, Optional<AuditCursor> next) {

    public AuditPage {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }
}
