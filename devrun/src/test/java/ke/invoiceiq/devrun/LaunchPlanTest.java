package ke.invoiceiq.devrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LaunchPlanTest {

    private static final Path ROOT = Path.of("/repo");
    private static final Path JAVA = Path.of("/jdk/bin/java");
    private static final String RUNNER = "/repo/bootstrap/target/quarkus-app/quarkus-run.jar";
    private static final String EMBEDDED_URL = "jdbc:postgresql://localhost:55432/invoiceiq";
    private static final OptionalInt PORT = OptionalInt.of(55432);

    /**
     * name, environment, expected database, expected datasource variables in the service's environment
     * (null: absent), expected profile, expected service URL.
     */
    static Stream<Arguments> table() {
        return Stream.of(
                row("nothing set: embedded database, dev profile, port 8080",
                        env(),
                        new LaunchPlan.Embedded(Path.of("/repo/.invoiceiq/pgdata")),
                        EMBEDDED_URL, "postgres", null, null, "dev", "http://localhost:8080"),
                row("DATABASE_URL set: that database, environment unchanged",
                        env("DATABASE_URL", "postgres://u:p@db:5432/x"),
                        new LaunchPlan.External("DATABASE_URL"),
                        null, null, null, "postgres://u:p@db:5432/x", "dev", "http://localhost:8080"),
                row("JDBC URL set: that database, its credentials untouched",
                        env("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db/x",
                                "QUARKUS_DATASOURCE_USERNAME", "u", "QUARKUS_DATASOURCE_PASSWORD", "p"),
                        new LaunchPlan.External("QUARKUS_DATASOURCE_JDBC_URL"),
                        "jdbc:postgresql://db/x", "u", "p", null, "dev", "http://localhost:8080"),
                row("both set: DATABASE_URL named first, both passed on for the service to decide",
                        env("DATABASE_URL", "postgres://u:p@db:5432/x",
                                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db/x"),
                        new LaunchPlan.External("DATABASE_URL"),
                        "jdbc:postgresql://db/x", null, null, "postgres://u:p@db:5432/x", "dev",
                        "http://localhost:8080"),
                row("blank URLs count as unset: embedded, and the blank DATABASE_URL is dropped",
                        env("DATABASE_URL", " ", "QUARKUS_DATASOURCE_JDBC_URL", ""),
                        new LaunchPlan.Embedded(Path.of("/repo/.invoiceiq/pgdata")),
                        EMBEDDED_URL, "postgres", null, null, "dev", "http://localhost:8080"),
                row("embedded: stray username and password are replaced (trust authentication)",
                        env("QUARKUS_DATASOURCE_USERNAME", "someone", "QUARKUS_DATASOURCE_PASSWORD", "secret"),
                        new LaunchPlan.Embedded(Path.of("/repo/.invoiceiq/pgdata")),
                        EMBEDDED_URL, "postgres", null, null, "dev", "http://localhost:8080"),
                row("QUARKUS_HTTP_PORT moves the service URL",
                        env("QUARKUS_HTTP_PORT", "9090"),
                        new LaunchPlan.Embedded(Path.of("/repo/.invoiceiq/pgdata")),
                        EMBEDDED_URL, "postgres", null, null, "dev", "http://localhost:9090"),
                row("QUARKUS_PROFILE overrides the dev profile",
                        env("QUARKUS_PROFILE", "staging"),
                        new LaunchPlan.Embedded(Path.of("/repo/.invoiceiq/pgdata")),
                        EMBEDDED_URL, "postgres", null, null, "staging", "http://localhost:8080"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void givenTheEnvironment_whenPlanned_thenDatabaseCommandAndServiceEnvironmentFollow(
            String name, Map<String, String> environment, LaunchPlan.Database database, String jdbcUrl,
            String username, String password, String databaseUrl, String profile, String serviceUrl) {
        LaunchPlan plan = LaunchPlan.of(environment, ROOT, JAVA);

        assertThat(plan.database()).isEqualTo(database);
        assertThat(plan.command()).containsExactly("/jdk/bin/java", "-Dquarkus.profile=" + profile, "-jar", RUNNER);
        assertThat(plan.profile()).isEqualTo(profile);
        assertThat(plan.serviceUrl()).isEqualTo(serviceUrl);

        OptionalInt port = database instanceof LaunchPlan.Embedded ? PORT : OptionalInt.empty();
        Map<String, String> child = plan.childEnvironment(port);
        assertVariable(child, "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        assertVariable(child, "QUARKUS_DATASOURCE_USERNAME", username);
        assertVariable(child, "QUARKUS_DATASOURCE_PASSWORD", password);
        assertVariable(child, "DATABASE_URL", databaseUrl);
        // everything else passes through
        environment.forEach((key, value) -> {
            if (!key.startsWith("QUARKUS_DATASOURCE_") && !key.equals("DATABASE_URL")) {
                assertThat(child).containsEntry(key, value);
            }
        });

        assertThat(plan.readyLine(port)).contains(serviceUrl).contains("profile " + profile);
    }

    @Test
    void givenTheEmbeddedDatabase_whenReady_thenTheLineNamesTheDataDirectoryAndUrl() {
        LaunchPlan plan = LaunchPlan.of(env(), ROOT, JAVA);

        assertThat(plan.readyLine(PORT)).isEqualTo("InvoiceIQ local run: embedded PostgreSQL up at "
                + EMBEDDED_URL + " (user postgres), data in /repo/.invoiceiq/pgdata; starting the service at "
                + "http://localhost:8080 (profile dev)");
    }

    @Test
    void givenAnExternalDatabase_whenReady_thenTheLineDoesNotPrintTheUrlOrItsPassword() {
        LaunchPlan plan = LaunchPlan.of(env("DATABASE_URL", "postgres://u:secret@db:5432/x"), ROOT, JAVA);

        assertThat(plan.readyLine(OptionalInt.empty()))
                .contains("using the database of DATABASE_URL (no embedded PostgreSQL)")
                .doesNotContain("secret");
    }

    @Test
    void givenTheEmbeddedDatabase_whenNoPortIsKnown_thenTheServiceEnvironmentCannotBeBuilt() {
        LaunchPlan plan = LaunchPlan.of(env(), ROOT, JAVA);

        assertThatThrownBy(() -> plan.childEnvironment(OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenALauncherStartedInDevrun_whenTheRootIsLookedUp_thenItIsTheDirectoryHoldingBootstrap() {
        Path here = Path.of("").toAbsolutePath(); // surefire runs in devrun/
        Path root = LocalRun.repositoryRoot(here);

        assertThat(root.resolve("bootstrap/pom.xml")).isRegularFile();
        assertThat(root.resolve("devrun/pom.xml")).isRegularFile();
    }

    private static void assertVariable(Map<String, String> environment, String name, String expected) {
        if (expected == null) {
            assertThat(environment).as(name).doesNotContainKey(name);
        } else {
            assertThat(environment).as(name).containsEntry(name, expected);
        }
    }

    private static Arguments row(Object... values) {
        return Arguments.of(values);
    }

    private static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/bin");
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }
}
