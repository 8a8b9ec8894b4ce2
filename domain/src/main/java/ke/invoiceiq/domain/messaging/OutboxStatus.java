package ke.invoiceiq.domain.messaging;

/** PENDING → (claimed) SENDING → SENT, or back to PENDING for a retry, or FAILED when nothing more can be done. */
public enum OutboxStatus {
    PENDING,
    SENDING,
    SENT,
    FAILED
}
