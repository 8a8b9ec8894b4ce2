package ke.invoiceiq.adapters.postgres;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ke.invoiceiq.adapters.memory.contract.IdempotentAnswersContract;
import ke.invoiceiq.domain.shared.IdempotentAnswers;

/** The {@link IdempotentAnswersContract} against PostgreSQL, through the bean the application would get. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PostgresIdempotentAnswersContractTest extends IdempotentAnswersContract {

    @Inject
    TestDatabase database;

    @Inject
    IdempotentAnswers port;

    @Override
    protected IdempotentAnswers answers() {
        database.clean();
        return port;
    }
}
