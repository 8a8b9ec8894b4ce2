package ke.invoiceiq.adapters.postgres;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ke.invoiceiq.adapters.memory.contract.AdminAuditLogContract;
import ke.invoiceiq.domain.audit.AdminAuditLog;

/** The {@link AdminAuditLogContract} against PostgreSQL, through the bean the application would get. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PostgresAdminAuditLogContractTest extends AdminAuditLogContract {

    @Inject
    TestDatabase database;

    @Inject
    AdminAuditLog port;

    @Override
    protected AdminAuditLog log() {
        database.clean();
        return port;
    }
}
