package ke.invoiceiq.adapters.postgres;

final class Limits {
    private Limits() {
    }

    /** The same answer as the in-memory adapters for a negative limit. */
    static void requireNonNegative(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0: " + limit);
        }
    }
}
