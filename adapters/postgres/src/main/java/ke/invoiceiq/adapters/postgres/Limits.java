package ke.invoiceiq.adapters.postgres;

import java.time.Duration;

final class Limits {
    private Limits() {
    }

    /** The same answer as the in-memory adapters for a negative limit. */
    static void requireNonNegative(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0: " + limit);
        }
    }

    /** The same answer as the in-memory adapters for a lease that would not hold anything. */
    static void requirePositive(Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must be positive: " + lease);
        }
    }
}
