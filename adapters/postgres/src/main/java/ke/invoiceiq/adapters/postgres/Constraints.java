package ke.invoiceiq.adapters.postgres;

import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Reads PostgreSQL's answer out of a persistence exception. */
final class Constraints {

    private static final String UNIQUE_VIOLATION = "23505";

    private Constraints() {
    }

    /** Whether {@code failure} (or one of its causes) is a unique-constraint violation. */
    static boolean isUniqueViolation(Throwable failure) {
        return uniqueViolation(failure).isPresent();
    }

    /**
     * The unique constraint (or unique index) that {@code failure} violated, by name; empty when it is no unique
     * violation. A violation whose name the server did not tell is named {@code ""}.
     */
    static Optional<String> violatedUnique(Throwable failure) {
        return uniqueViolation(failure).map(sql -> sql instanceof PSQLException psql
                ? Optional.ofNullable(psql.getServerErrorMessage()).map(ServerErrorMessage::getConstraint).orElse("")
                : "");
    }

    private static Optional<SQLException> uniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return Optional.of(sql);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
