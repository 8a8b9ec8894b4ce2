package ke.invoiceiq.domain.messaging;

/**
 * PENDING → (claimed) SENDING → SENT, or back to PENDING for a retry or a wait, or FAILED when nothing more can be
 * done, or COALESCED when a digest carries it (a merchant notice folded into a {@link MessagePurpose#MERCHANT_DIGEST}
 * message; that digest is then the one sent). SENT and COALESCED are final. FAILED is final for the dispatcher; an
 * operator may put it back to PENDING ({@link OutboxMessage#retriedByOperator}) or give it up for good: ABANDONED
 * ({@link OutboxMessage#abandonedByOperator}), final.
 */
public enum OutboxStatus {
    PENDING,
    SENDING,
    SENT,
    FAILED,
    COALESCED,
    ABANDONED;

    /** Still to be sent (queued, waiting or leased). */
    public boolean isOpen() {
        return this == PENDING || this == SENDING;
    }
}
