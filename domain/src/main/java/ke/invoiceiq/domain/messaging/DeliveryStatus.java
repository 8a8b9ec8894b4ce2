package ke.invoiceiq.domain.messaging;

/** What the provider later reports about an accepted message. Only moves forward; FAILED is final. */
public enum DeliveryStatus {
    SENT(1),
    DELIVERED(2),
    READ(3),
    FAILED(4);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    /** Whether {@code next} may replace this status (a late "delivered" after "read" may not). */
    public boolean canAdvanceTo(DeliveryStatus next) {
        return this != FAILED && next.rank > rank;
    }
}
