package ke.invoiceiq.adapters.postgres;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ke.invoiceiq.adapters.memory.contract.MoneyReceivedContract;
import ke.invoiceiq.domain.export.MoneyReceived;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.payment.UnmatchedPayments;

/** The {@link MoneyReceivedContract} against PostgreSQL, through the bean the application would get. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PostgresMoneyReceivedContractTest extends MoneyReceivedContract {

    @Inject
    TestDatabase database;

    @Inject
    MoneyReceived port;

    @Inject
    InvoiceRepository invoiceRepository;

    @Inject
    UnmatchedPayments unmatchedPayments;

    @Override
    protected MoneyReceived moneyReceived() {
        database.clean();
        return port;
    }

    @Override
    protected InvoiceRepository invoices() {
        return invoiceRepository;
    }

    @Override
    protected UnmatchedPayments unmatched() {
        return unmatchedPayments;
    }
}
