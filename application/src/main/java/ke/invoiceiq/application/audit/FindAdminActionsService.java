package ke.invoiceiq.application.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.audit.AdminAuditLog;
import ke.invoiceiq.domain.audit.AuditCursor;
import ke.invoiceiq.domain.audit.AuditEntry;
import ke.invoiceiq.domain.shared.Transactions;

/** Reads the audit trail; changes nothing. */
public final class FindAdminActionsService implements FindAdminActionsUseCase {

    private final AdminAuditLog log;
    private final Transactions transactions;

    public FindAdminActionsService(AdminAuditLog log, Transactions transactions) {
        this.log = Objects.requireNonNull(log, "log");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** Reads one entry more than asked: whether it exists decides if there is a next page. */
    @Override
    public AuditPage page(Optional<AuditCursor> after, int limit) {
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        List<AuditEntry> found = transactions.inTransaction(() -> log.latest(after, limit + 1));
        if (found.size() <= limit) {
            return new AuditPage(found, Optional.empty());
        }
        List<AuditEntry> items = found.subList(0, limit);
        return new AuditPage(items, Optional.of(AuditCursor.after(items.getLast())));
    }
}
