package ke.invoiceiq.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseUrlTest {

    static Stream<Arguments> validUrls() {
        return Stream.of(
                // DATABASE_URL, JDBC URL, user, password
                Arguments.of("postgres://app:s3cret@db.example.com:5432/invoiceiq",
                        "jdbc:postgresql://db.example.com:5432/invoiceiq", "app", "s3cret"),
                Arguments.of("postgresql://app:s3cret@db.example.com:6543/invoiceiq",
                        "jdbc:postgresql://db.example.com:6543/invoiceiq", "app", "s3cret"),
                Arguments.of("POSTGRES://app:s3cret@db.example.com/invoiceiq",
                        "jdbc:postgresql://db.example.com:5432/invoiceiq", "app", "s3cret"),
                // Fly.io and Supabase hand these out; the query goes on to the driver unchanged.
                Arguments.of("postgres://invoiceiq:Xy9@invoiceiq-db.flycast:5432/invoiceiq?sslmode=disable",
                        "jdbc:postgresql://invoiceiq-db.flycast:5432/invoiceiq?sslmode=disable", "invoiceiq", "Xy9"),
                Arguments.of("postgresql://postgres.abcdefghijklmnop:pw@aws-0-eu-central-1.pooler.supabase.com:6543"
                                + "/postgres?sslmode=require&ApplicationName=invoiceiq",
                        "jdbc:postgresql://aws-0-eu-central-1.pooler.supabase.com:6543/postgres"
                                + "?sslmode=require&ApplicationName=invoiceiq",
                        "postgres.abcdefghijklmnop", "pw"),
                // Percent-encoded user and password are decoded; '+' stays '+' (this is not a form).
                Arguments.of("postgres://us%40er:p%40ss%3Aw%2Fo%3Frd%23%25+x@db:5432/app",
                        "jdbc:postgresql://db:5432/app", "us@er", "p@ss:w/o?rd#%+x"),
                Arguments.of("postgres://app:%C3%BCber%E2%82%AC@db/app", "jdbc:postgresql://db:5432/app", "app",
                        "über€"),
                // A raw '@' in the password still works: the user info ends at the last '@'.
                Arguments.of("postgres://app:p@ss@db/app", "jdbc:postgresql://db:5432/app", "app", "p@ss"),
                // No password, no user: trust or peer authentication.
                Arguments.of("postgres://postgres@127.0.0.1:5432/test", "jdbc:postgresql://127.0.0.1:5432/test",
                        "postgres", null),
                Arguments.of("postgres://localhost/test", "jdbc:postgresql://localhost:5432/test", null, null),
                Arguments.of("postgres://app:@db/app", "jdbc:postgresql://db:5432/app", "app", null),
                // IPv6, with and without a port; several hosts.
                Arguments.of("postgres://app:pw@[::1]:5433/app", "jdbc:postgresql://[::1]:5433/app", "app", "pw"),
                Arguments.of("postgres://app:pw@[2001:db8::7]/app", "jdbc:postgresql://[2001:db8::7]:5432/app",
                        "app", "pw"),
                Arguments.of("postgres://app:pw@db1:5432,db2/app?targetServerType=primary",
                        "jdbc:postgresql://db1:5432,db2:5432/app?targetServerType=primary", "app", "pw"),
                // The database name stays encoded: the driver decodes it.
                Arguments.of("postgres://app:pw@db/my%20db", "jdbc:postgresql://db:5432/my%20db", "app", "pw"),
                Arguments.of("  postgres://app:pw@db/app#ignored  ", "jdbc:postgresql://db:5432/app", "app", "pw"),
                // A JDBC URL is passed through.
                Arguments.of("jdbc:postgresql://db:5432/app?user=x", "jdbc:postgresql://db:5432/app?user=x", null,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validUrls")
    void givenAValidUrl_whenParsed_thenTheJdbcUrlAndCredentials(String raw, String jdbcUrl, String user,
            String password) {
        DatabaseUrl url = DatabaseUrl.parse(raw);

        assertThat(url.jdbcUrl()).isEqualTo(jdbcUrl);
        assertThat(url.username()).isEqualTo(Optional.ofNullable(user));
        assertThat(url.password()).isEqualTo(Optional.ofNullable(password));
    }

    static Stream<Arguments> invalidUrls() {
        // DATABASE_URL, the problem it names; every one carries the password "Sup3rS3cret" or a piece of it.
        return Stream.of(
                Arguments.of("mysql://app:Sup3rS3cret@db/app", "does not start with postgres:// or postgresql://"),
                Arguments.of("app:Sup3rS3cret@db/app", "does not start with postgres:// or postgresql://"),
                Arguments.of("postgres://app:Sup3rS3cret@db", "names no database"),
                Arguments.of("postgres://app:Sup3rS3cret@db:5432/", "names no database"),
                Arguments.of("postgres://app:Sup3rS3cret@/app", "names no host"),
                Arguments.of("postgres://app:Sup3rS3cret@db:99999/app", "the port is not a number"),
                Arguments.of("postgres://app:Sup3rS3cret@db:54x2/app", "the port is not a number"),
                // An unencoded '/' in the password: the parser sees host "app" and port "Sup3rS".
                Arguments.of("postgres://app:Sup3rS/3cret@db/app", "the port is not a number"),
                Arguments.of("postgres://app:Sup3rS3cret@db%zz/app", "the host contains a character"),
                Arguments.of("postgres://app:Sup3rS3cret%zz@db/app", "the password has a '%'"),
                Arguments.of("postgres://app:Sup3rS3cret%C3@db/app", "not valid UTF-8"),
                Arguments.of("postgres://app:Sup3r S3cret@db/app", "a space or a control character"),
                Arguments.of("postgres://app:Sup3rS3cret@[::1/app", "no closing ']'"),
                Arguments.of("postgres://app:Sup3rS3cret@::1/app", "must be written in brackets"),
                Arguments.of("postgres://app:Sup3rS3cret@db/a/b", "database name contains a '/'"),
                Arguments.of("  ", "it is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUrls")
    void givenAnInvalidUrl_whenParsed_thenAClearErrorWithoutTheValue(String raw, String problem) {
        assertThatThrownBy(() -> DatabaseUrl.parse(raw))
                .isInstanceOf(DatabaseUrl.InvalidDatabaseUrlException.class)
                .hasMessageStartingWith("DATABASE_URL is not a valid PostgreSQL URL: ")
                .hasMessageContaining(problem)
                .hasMessageContaining("postgres://user:password@host:5432/database")
                .hasMessageNotContaining("Sup3r")
                .hasMessageNotContaining("3cret")
                .hasMessageNotContaining("app:");
    }

    @Test
    void givenNoValue_whenParsed_thenItSaysSo() {
        assertThatThrownBy(() -> DatabaseUrl.parse(null)).hasMessageContaining("it is empty");
    }

    @Test
    void givenAParsedUrl_whenPrinted_thenThePasswordIsMasked() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:Sup3rS3cret@db/app");

        assertThat(url.toString()).contains("jdbc:postgresql://db:5432/app").contains("app")
                .doesNotContain("Sup3rS3cret");
    }
}
