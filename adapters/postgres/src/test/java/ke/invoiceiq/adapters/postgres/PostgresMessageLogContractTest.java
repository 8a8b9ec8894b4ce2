package ke.invoiceiq.adapters.postgres;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ke.invoiceiq.adapters.memory.contract.MessageLogContract;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.messaging.MessageLog;

/** The {@link MessageLogContract} against PostgreSQL, through the bean the application would get. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PostgresMessageLogContractTest extends MessageLogContract {

    @Inject
    TestDatabase database;

    @Inject
    MessageLog port;

    @Inject
    InvoiceRepository invoiceRepository;

    @Override
    protected MessageLog log() {
        database.clean();
        return port;
    }

    @Override
    protected InvoiceRepository invoices() {
        return invoiceRepository;
    }
}
