package ke.invoiceiq.bootstrap.testing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import ke.invoiceiq.adapters.postgres.EmbeddedPostgresResource;

/**
 * Every {@code @QuarkusTest} of the application runs on a real PostgreSQL: the embedded one (one server per test
 * JVM, kept across application restarts) or the server named by {@code INVOICEIQ_TEST_JDBC_URL}.
 */
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
public final class RealPostgres {

    private RealPostgres() {
    }
}
