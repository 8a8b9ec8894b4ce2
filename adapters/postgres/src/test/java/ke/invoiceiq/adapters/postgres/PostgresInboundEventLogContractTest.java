package ke.invoiceiq.adapters.postgres;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ke.invoiceiq.adapters.memory.contract.InboundEventLogContract;
import ke.invoiceiq.domain.messaging.InboundEventLog;

/** The {@link InboundEventLogContract} against PostgreSQL, through the bean the application would get. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PostgresInboundEventLogContractTest extends InboundEventLogContract {

    @Inject
    TestDatabase database;

    @Inject
    InboundEventLog port;

    @Override
    protected InboundEventLog log() {
        database.clean();
        return port;
    }
}
