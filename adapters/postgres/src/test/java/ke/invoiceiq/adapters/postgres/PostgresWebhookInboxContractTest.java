package ke.invoiceiq.adapters.postgres;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ke.invoiceiq.adapters.memory.contract.WebhookInboxContract;
import ke.invoiceiq.domain.messaging.WebhookInbox;

/** The {@link WebhookInboxContract} against PostgreSQL, through the bean the application would get. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PostgresWebhookInboxContractTest extends WebhookInboxContract {

    @Inject
    TestDatabase database;

    @Inject
    WebhookInbox port;

    @Override
    protected WebhookInbox inbox() {
        database.clean();
        return port;
    }
}
