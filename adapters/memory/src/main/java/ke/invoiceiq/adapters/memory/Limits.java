package ke.invoiceiq.adapters.memory;

final class Limits {
    private Limits() {
    }

    static void requireNonNegative(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0: " + limit);
        }
    }
}
