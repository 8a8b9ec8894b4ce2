package ke.invoiceiq.adapters.postgres;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ke.invoiceiq.adapters.memory.contract.InvoiceRepositoryContract;
import ke.invoiceiq.domain.invoice.InvoiceRepository;

/** The {@link InvoiceRepositoryContract} against PostgreSQL, through the bean the application would get. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PostgresInvoiceRepositoryContractTest extends InvoiceRepositoryContract {

    @Inject
    TestDatabase database;

    @Inject
    InvoiceRepository port;

    @Override
    protected InvoiceRepository repository() {
        database.clean();
        return port;
    }
}
