package ke.invoiceiq.adapters.postgres;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ke.invoiceiq.adapters.memory.contract.SendSlotsContract;
import ke.invoiceiq.domain.messaging.SendSlots;

/** The {@link SendSlotsContract} against PostgreSQL, through the bean the application would get. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PostgresSendSlotsContractTest extends SendSlotsContract {

    @Inject
    TestDatabase database;

    @Inject
    SendSlots port;

    @Override
    protected SendSlots slots() {
        database.clean();
        return port;
    }
}
