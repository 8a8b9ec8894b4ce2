package ke.invoiceiq.bootstrap.packaged;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import ke.invoiceiq.adapters.postgres.EmbeddedPostgresResource;

/**
 * The packaged application as production runs it: the {@code prod} profile (the default of a
 * {@code @QuarkusIntegrationTest}, as of {@code java -jar quarkus-run.jar} and of the native binary), which refuses to
 * start without every setting it requires, here all given: the providers' ({@link ProviderStandIns}, which also plays
 * them), the merchant, the public URL and the admin key below, and a real PostgreSQL ({@link EmbeddedPostgresResource}:
 * the embedded server of this test JVM, or the one {@code INVOICEIQ_TEST_JDBC_URL} names). A
 * {@code @QuarkusIntegrationTest} hands all of it to the launched application as system properties.
 *
 * <p>Every IT class of this package uses this profile and nothing else, so the application starts once for all of
 * them. Each test makes its own data (a fresh customer number, a description of its own), so none depends on another
 * or on what an earlier run left in a shared database.
 */
public final class PackagedAppProfile implements QuarkusTestProfile {

    /** {@code ADMIN_API_KEY}: the merchant REST API's bearer key. */
    public static final String ADMIN_KEY = "packaged-it-admin-key-not-a-secret";

    /** {@code MERCHANT_MSISDN}: the number whose WhatsApp messages are the merchant's commands. */
    public static final String MERCHANT = "254711000001";

    /** {@code BASE_URL}: pay links start with it (prod requires https; nothing is ever fetched from it). */
    public static final String BASE_URL = "https://pay.invoiceiq.example";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "admin.api-key", ADMIN_KEY,
                "invoiceiq.merchant.numbers", MERCHANT,
                "invoiceiq.merchant.business-name", "Packaged IT Cleaners",
                "invoiceiq.base-url", BASE_URL);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EmbeddedPostgresResource.class),
                new TestResourceEntry(ProviderStandIns.class));
    }
}
