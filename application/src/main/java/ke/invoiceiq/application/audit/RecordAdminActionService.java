package ke.invoiceiq.application.audit;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.audit.AdminAction;
import ke.invoiceiq.domain.audit.AdminAuditLog;
import ke.invoiceiq.domain.audit.AuditEntry;
import ke.invoiceiq.domain.audit.KeyFingerprint;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Transactions;

/** Appends one entry, stamped now, in its own transaction. */
public final class RecordAdminActionService implements RecordAdminActionUseCase {

    private final AdminAuditLog log;
    private final IdGenerator ids;
    private final Transactions transactions;
    private final Clock clock;

    public RecordAdminActionService(AdminAuditLog log, IdGenerator ids, Transactions transactions, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void record(KeyFingerprint key, AdminAction action, Optional<String> target, String outcome) {
        AuditEntry entry = new AuditEntry(ids.nextId(), clock.instant(), key, action, target, outcome);
        transactions.run(() -> log.append(entry));
    }
}
