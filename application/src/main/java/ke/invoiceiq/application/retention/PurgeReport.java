package ke.invoiceiq.application.retention;

/**
 * What one purge run deleted, per kind of data (counts only: the run never reports what it deleted).
 *
 * @param inboundEvents  de-duplication marks of inbound provider events
 * @param outbox         finished (SENT / FAILED) outbox messages
 * @param paymentResults processed M-PESA results (STK callbacks and query answers)
 * @param messageLog     audit trail entries
 * @param chatSessions   ended or abandoned merchant chat sessions
 * @param contacts       numbers that wrote to us but were never invoiced
 * @param webhooks       processed webhooks of the durable webhook inbox (raw provider payloads)
 * @param replyCooldowns when a number last got an automatic reply (the help SMS)
 * @param idempotencyKeys the first answers kept for REST requests with an Idempotency-Key
 * @param failures       kinds whose purge stopped on an error (their count holds what was deleted before it);
 *                       the next run carries on where it stopped
 */
public record PurgeReport(int inboundEvents, int outbox, int paymentResults, int messageLog, int chatSessions,
        int contacts, int webhooks, int replyCooldowns, int idempotencyKeys, int failures) {

    public PurgeReport {
        if (inboundEvents < 0 || outbox < 0 || paymentResults < 0 || messageLog < 0 || chatSessions < 0
                || contacts < 0 || webhooks < 0 || replyCooldowns < 0 || idempotencyKeys < 0 || failures < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** Rows deleted in all. */
    public long total() {
        return (long) inboundEvents + outbox + paymentResults + messageLog + chatSessions + contacts + webhooks
                + replyCooldowns + idempotencyKeys;
    }
}
