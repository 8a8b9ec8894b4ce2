package ke.invoiceiq.adapters.postgres;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ke.invoiceiq.adapters.memory.contract.PaymentRepositoryContract;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.payment.PaymentRepository;

/** The {@link PaymentRepositoryContract} against PostgreSQL, through the bean the application would get. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PostgresPaymentRepositoryContractTest extends PaymentRepositoryContract {

    @Inject
    TestDatabase database;

    @Inject
    PaymentRepository port;

    @Inject
    InvoiceRepository invoiceRepository;

    @Override
    protected PaymentRepository repository() {
        database.clean();
        return port;
    }

    @Override
    protected InvoiceRepository invoices() {
        return invoiceRepository;
    }
}
