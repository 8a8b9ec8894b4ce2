package ke.invoiceiq.devrun;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a local run starts, decided from the environment alone (no I/O): which database the service uses, the
 * service's command line and the environment it gets.
 *
 * <ul>
 *   <li>{@code DATABASE_URL} or {@code QUARKUS_DATASOURCE_JDBC_URL} set (not blank): that database; no embedded
 *       one, and the environment goes to the service unchanged.</li>
 *   <li>Neither set: an embedded PostgreSQL with its data in {@code .invoiceiq/pgdata} under the repository root;
 *       the service gets {@code QUARKUS_DATASOURCE_JDBC_URL}/{@code _USERNAME} pointing at it.</li>
 * </ul>
 *
 * <p>The service runs in the {@code dev} profile ({@code QUARKUS_PROFILE} overrides it): the prod profile
 * demands production secrets, which a local run does not have.
 */
public final class LaunchPlan {

    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String JDBC_URL = "QUARKUS_DATASOURCE_JDBC_URL";
    public static final String USERNAME = "QUARKUS_DATASOURCE_USERNAME";
    public static final String PASSWORD = "QUARKUS_DATASOURCE_PASSWORD";
    public static final String PROFILE = "QUARKUS_PROFILE";
    public static final String HTTP_PORT = "QUARKUS_HTTP_PORT";

    public static final String DEFAULT_PROFILE = "dev";
    public static final String DEFAULT_HTTP_PORT = "8080";
    /** The embedded server's database and (trust-authenticated) superuser. */
    public static final String DATABASE_NAME = "invoiceiq";
    public static final String DATABASE_USER = "postgres";

    static final Path RUNNER = Path.of("bootstrap", "target", "quarkus-app", "quarkus-run.jar");
    static final Path DATA_DIRECTORY = Path.of(".invoiceiq", "pgdata");

    /** Where the service's database comes from. */
    public sealed interface Database {
    }

    /** A server the user named through {@code variable}. */
    public record External(String variable) implements Database {
    }

    /** An embedded PostgreSQL keeping its data in {@code dataDirectory} between runs. */
    public record Embedded(Path dataDirectory) implements Database {
    }

    private final Map<String, String> environment;
    private final Path root;
    private final Path java;
    private final Database database;

    private LaunchPlan(Map<String, String> environment, Path root, Path java) {
        this.environment = Map.copyOf(environment);
        this.root = root.toAbsolutePath().normalize();
        this.java = Objects.requireNonNull(java);
        this.database = value(DATABASE_URL).<Database>map(v -> new External(DATABASE_URL))
                .or(() -> value(JDBC_URL).map(v -> new External(JDBC_URL)))
                .orElseGet(() -> new Embedded(this.root.resolve(DATA_DIRECTORY)));
    }

    /**
     * @param environment the launcher's environment ({@code System.getenv()})
     * @param root        the repository root (holds {@code bootstrap/})
     * @param java        the java executable that runs the service
     */
    public static LaunchPlan of(Map<String, String> environment, Path root, Path java) {
        return new LaunchPlan(environment, root, java);
    }

    public Database database() {
        return database;
    }

    public Path root() {
        return root;
    }

    public Path runnerJar() {
        return root.resolve(RUNNER);
    }

    public String profile() {
        return value(PROFILE).orElse(DEFAULT_PROFILE);
    }

    public String serviceUrl() {
        return "http://localhost:" + value(HTTP_PORT).orElse(DEFAULT_HTTP_PORT);
    }

    /** The service's command line: the same java, the plan's profile, the packaged runner jar. */
    public List<String> command() {
        return List.of(java.toString(), "-Dquarkus.profile=" + profile(), "-jar", runnerJar().toString());
    }

    /**
     * The service's environment: the launcher's own, plus, for the embedded database, the datasource of
     * the server listening on {@code embeddedPort}.
     */
    public Map<String, String> childEnvironment(OptionalInt embeddedPort) {
        Map<String, String> child = new HashMap<>(environment);
        if (database instanceof Embedded) {
            int port = embeddedPort.orElseThrow(
                    () -> new IllegalArgumentException("the embedded database's port is needed"));
            // blank values would otherwise reach the service's own parsing
            child.remove(DATABASE_URL);
            child.put(JDBC_URL, embeddedJdbcUrl(port));
            child.put(USERNAME, DATABASE_USER);
            child.remove(PASSWORD); // trust authentication on localhost
        }
        return child;
    }

    public static String embeddedJdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE_NAME;
    }

    /** The one line printed when the database is up. */
    public String readyLine(OptionalInt embeddedPort) {
        String db = switch (database) {
            case Embedded e -> "embedded PostgreSQL up at " + embeddedJdbcUrl(embeddedPort.orElseThrow())
                    + " (user " + DATABASE_USER + "), data in " + e.dataDirectory();
            case External x -> "using the database of " + x.variable() + " (no embedded PostgreSQL)";
        };
        return "InvoiceIQ local run: " + db + "; starting the service at " + serviceUrl()
                + " (profile " + profile() + ")";
    }

    private Optional<String> value(String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
