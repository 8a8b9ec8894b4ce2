package ke.invoiceiq.adapters.postgres;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ke.invoiceiq.adapters.memory.contract.ChatSessionRepositoryContract;
import ke.invoiceiq.domain.chat.ChatSessionRepository;

/** The {@link ChatSessionRepositoryContract} against PostgreSQL, through the bean the application would get. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PostgresChatSessionRepositoryContractTest extends ChatSessionRepositoryContract {

    @Inject
    TestDatabase database;

    @Inject
    ChatSessionRepository port;

    @Override
    protected ChatSessionRepository repository() {
        database.clean();
        return port;
    }
}
