package ke.invoiceiq.bootstrap.packaged;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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

    /** Not a {@code quarkus.*} name, which the launched application would be handed as well. */
    private static final String MANAGEMENT_PORT = "invoiceiq.it.management-port";

    /**
     * The launched application's management port ({@code quarkus.management.port}; prod's 9000 would collide between
     * parallel runs, and unlike the HTTP port @QuarkusIntegrationTest does not find it out by itself). Picked free once
     * per test JVM and kept in a system property, so every class loader that asks gets the same one.
     */
    static synchronized int managementPort() {
        String port = System.getProperty(MANAGEMENT_PORT);
        if (port == null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = Integer.toString(socket.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(MANAGEMENT_PORT, port);
        }
        return Integer.parseInt(port);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.management.port", Integer.toString(managementPort()),
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
