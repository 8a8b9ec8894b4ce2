package ke.invoiceiq.adapters.postgres;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct access to the test database: emptying it between tests, and SQL the adapters never run. */
@ApplicationScoped
public class TestDatabase {

    private static final String TABLES =
            "invoices, payments, stk_callbacks, customers, chat_sessions, outbox, message_log, inbound_events,"
                    + " webhook_inbox, reply_cooldowns";

    @Inject
    AgroalDataSource dataSource;

    /** Empties every table of the schema (Flyway's history stays). */
    public void clean() {
        execute("TRUNCATE " + TABLES + " RESTART IDENTITY CASCADE");
    }

    public void execute(String statement) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    /** A connection of its own, outside any transaction the test may hold. */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }
}
