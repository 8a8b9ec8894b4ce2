package ke.invoiceiq.adapters.memory;

import ke.invoiceiq.adapters.memory.contract.AdminAuditLogContract;
import ke.invoiceiq.domain.audit.AdminAuditLog;

class InMemoryAdminAuditLogContractTest extends AdminAuditLogContract {

    @Override
    protected AdminAuditLog log() {
        return new InMemoryAdminAuditLog();
    }
}
