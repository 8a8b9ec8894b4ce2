package ke.invoiceiq.adapters.postgres;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import ke.invoiceiq.adapters.memory.contract.PaymentResultInboxContract;
import ke.invoiceiq.domain.payment.PaymentResultInbox;

/** The {@link PaymentResultInboxContract} against PostgreSQL, through the bean the application would get. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PostgresPaymentResultInboxContractTest extends PaymentResultInboxContract {

    @Inject
    TestDatabase database;

    @Inject
    PaymentResultInbox port;

    @Override
    protected PaymentResultInbox inbox() {
        database.clean();
        return port;
    }

    @Override
    protected Optional<String> rawBody(long keptId) {
        return database.text("SELECT raw_body FROM stk_callbacks WHERE id = ?", keptId);
    }
}
