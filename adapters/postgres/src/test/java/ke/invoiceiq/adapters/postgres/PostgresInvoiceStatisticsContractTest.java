package ke.invoiceiq.adapters.postgres;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ke.invoiceiq.adapters.memory.contract.InvoiceStatisticsContract;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatistics;

/** The {@link InvoiceStatisticsContract} against PostgreSQL, through the bean the application would get. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PostgresInvoiceStatisticsContractTest extends InvoiceStatisticsContract {

    @Inject
    TestDatabase database;

    @Inject
    InvoiceStatistics port;

    @Inject
    InvoiceRepository invoiceRepository;

    @Override
    protected InvoiceStatistics statistics() {
        database.clean();
        return port;
    }

    @Override
    protected InvoiceRepository invoices() {
        return invoiceRepository;
    }
}
