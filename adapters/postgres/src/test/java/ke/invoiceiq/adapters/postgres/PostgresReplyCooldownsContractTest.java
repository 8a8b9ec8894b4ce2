package ke.invoiceiq.adapters.postgres;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ke.invoiceiq.adapters.memory.contract.ReplyCooldownsContract;
import ke.invoiceiq.domain.messaging.ReplyCooldowns;

/** The {@link ReplyCooldownsContract} against PostgreSQL, through the bean the application would get. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PostgresReplyCooldownsContractTest extends ReplyCooldownsContract {

    @Inject
    TestDatabase database;

    @Inject
    ReplyCooldowns port;

    @Override
    protected ReplyCooldowns cooldowns() {
        database.clean();
        return port;
    }
}
