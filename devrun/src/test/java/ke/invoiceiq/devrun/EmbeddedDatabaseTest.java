package ke.invoiceiq.devrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real embedded PostgreSQL (a few seconds): the local run's data survives a restart. */
class EmbeddedDatabaseTest {

    @TempDir
    Path tmp;

    @Test
    void givenARowWritten_whenTheServerRestartsOnTheSameDirectory_thenTheRowIsStillThere()
            throws IOException, SQLException {
        Path data = tmp.resolve("pgdata");
        Path log = tmp.resolve("postgres.log");

        try (EmbeddedDatabase first = EmbeddedDatabase.start(data, 0, log);
             Connection c = first.connect();
             Statement s = c.createStatement()) {
            assertThat(first.jdbcUrl()).endsWith("/invoiceiq");
            s.execute("CREATE TABLE kept (id int PRIMARY KEY, note text)");
            s.execute("INSERT INTO kept VALUES (1, 'written in run 1')");
        }
        assertThat(data.resolve("PG_VERSION")).isRegularFile();

        try (EmbeddedDatabase second = EmbeddedDatabase.start(data, 0, log);
             Connection c = second.connect();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT note FROM kept WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("written in run 1");
        }
        // initdb ran for the first start only
        assertThat(count(Files.readString(log), "Success. You can now start the database server")).isEqualTo(1);
    }

    @Test
    void givenARunningServer_whenASecondStartsOnTheSameDirectory_thenItRefusesClearly() throws IOException {
        Path data = tmp.resolve("pgdata");
        Path log = tmp.resolve("postgres.log");

        try (EmbeddedDatabase running = EmbeddedDatabase.start(data, 0, log)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(data, 0, log))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("Another local run is using");
            assertThat(running.port()).isPositive();
        }
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
