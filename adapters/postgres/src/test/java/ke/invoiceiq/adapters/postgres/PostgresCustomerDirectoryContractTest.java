package ke.invoiceiq.adapters.postgres;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ke.invoiceiq.adapters.memory.contract.CustomerDirectoryContract;
import ke.invoiceiq.domain.customer.CustomerDirectory;

/** The {@link CustomerDirectoryContract} against PostgreSQL, through the bean the application would get. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PostgresCustomerDirectoryContractTest extends CustomerDirectoryContract {

    @Inject
    TestDatabase database;

    @Inject
    CustomerDirectory port;

    @Override
    protected CustomerDirectory directory() {
        database.clean();
        return port;
    }
}
