package ke.invoiceiq.adapters.postgres;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** Direct access to the test database: emptying it between tests, and SQL the adapters never run. */
@ApplicationScoped
public class TestDatabase {

    private static final String TABLES =
            "invoices, payments, stk_callbacks, customers, chat_sessions, outbox, message_log, inbound_events,"
                    + " webhook_inbox, reply_cooldowns, unmatched_payments, idempotency_answers, send_slots,"
                    + " held_delivery_reports, admin_audit, reminder_opt_outs, c2b_payments";

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

    /** The first column of the first row of {@code query}, as text; empty when there is no row or it is NULL. */
    public Optional<String> text(String query, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    /** A connection of its own, outside any transaction the test may hold. */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }
}
