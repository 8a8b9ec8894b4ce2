package ke.invoiceiq.adapters.postgres;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ke.invoiceiq.adapters.memory.contract.OutboxContract;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.messaging.Outbox;

/** The {@link OutboxContract} against PostgreSQL, through the bean the application would get. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PostgresOutboxContractTest extends OutboxContract {

    @Inject
    TestDatabase database;

    @Inject
    Outbox port;

    @Inject
    InvoiceRepository invoiceRepository;

    @Override
    protected Outbox outbox() {
        database.clean();
        return port;
    }

    @Override
    protected InvoiceRepository invoices() {
        return invoiceRepository;
    }
}
