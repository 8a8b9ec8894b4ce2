package ke.invoiceiq.adapters.postgres;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ke.invoiceiq.adapters.memory.contract.UnmatchedPaymentsContract;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.payment.UnmatchedPayments;

/** The {@link UnmatchedPaymentsContract} against PostgreSQL, through the bean the application would get. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PostgresUnmatchedPaymentsContractTest extends UnmatchedPaymentsContract {

    @Inject
    TestDatabase database;

    @Inject
    UnmatchedPayments port;

    @Inject
    InvoiceRepository invoiceRepository;

    @Override
    protected UnmatchedPayments payments() {
        database.clean();
        return port;
    }

    @Override
    protected InvoiceRepository invoices() {
        return invoiceRepository;
    }
}
