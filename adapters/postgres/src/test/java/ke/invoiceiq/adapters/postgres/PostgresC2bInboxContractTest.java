package ke.invoiceiq.adapters.postgres;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ke.invoiceiq.adapters.memory.contract.C2bInboxContract;
import ke.invoiceiq.domain.payment.C2bInbox;

/** The {@link C2bInboxContract} against PostgreSQL, through the bean the application would get. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PostgresC2bInboxContractTest extends C2bInboxContract {

    @Inject
    TestDatabase database;

    @Inject
    C2bInbox port;

    @Override
    protected C2bInbox inbox() {
        database.clean();
        return port;
    }
}
