package ke.invoiceiq.adapters.postgres;

import java.sql.SQLException;

/** Reads PostgreSQL's answer out of a persistence exception. */
final class Constraints {

    private static final String UNIQUE_VIOLATION = "23505";

    private Constraints() {
    }

    /** Whether {@code failure} (or one of its causes) is a unique-constraint violation. */
    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
