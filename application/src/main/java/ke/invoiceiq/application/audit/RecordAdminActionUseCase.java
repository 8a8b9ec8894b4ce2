package ke.invoiceiq.application.audit;

import java.util.Optional;
import ke.invoiceiq.domain.audit.AdminAction;
import ke.invoiceiq.domain.audit.KeyFingerprint;

/** Driving port: keep in the audit trail that an operator's key did {@code action} on {@code target}, and how it ended. */
public interface RecordAdminActionUseCase {

    /** @throws IllegalArgumentException when the target or the outcome is not one an audit entry can hold */
    void record(KeyFingerprint key, AdminAction action, Optional<String> target, String outcome);
}
