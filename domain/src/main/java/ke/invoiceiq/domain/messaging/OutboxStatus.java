package ke.invoiceiq.domain.messaging;

/**
 * PENDING → (claimed) SENDING → SENT, or back to PENDING for a retry or a wait, or FAILED when nothing more can be
 * done, or COALESCED when a digest carries it (a merchant notice folded into a {@link MessagePurpose#MERCHANT_DIGEST}
 * message; that digest is then the one sent). SENT, FAILED and COALESCED are final.
 */
public enum OutboxStatus {
    PENDING,
    SENDING,
    SENT,
    FAILED,
    COALESCED;

    /** Still to be sent (queued, waiting or leased). */
    public boolean isOpen() {
        return this == PENDING || this == SENDING;
    }
}
