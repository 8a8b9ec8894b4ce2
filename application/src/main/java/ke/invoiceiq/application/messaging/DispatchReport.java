package ke.invoiceiq.application.messaging;

/**
 * What one dispatcher run did with the messages it claimed.
 *
 * @param claimed   messages taken from the outbox (those due, and the notices a digest carried along)
 * @param sent      accepted by their channel (a digest counts once)
 * @param retried   tried and put back for a later try (throttled after sending, briefly down)
 * @param deferred  put back without a try, and without counting one: the recipient's pacing, the number's
 *                  throughput or an open breaker
 * @param fellBack  undeliverable on WhatsApp and queued again as SMS
 * @param failed    given up for good
 * @param skipped   not sent because their invoice was paid or cancelled meanwhile
 * @param coalesced merchant notices carried by a digest message instead of going one by one
 * @param lost      left alone because another dispatcher claimed them after this one's lease ran out
 * @param errors    left claimed because recording the answer failed; sent again after the lease
 */
public record DispatchReport(int claimed, int sent, int retried, int deferred, int fellBack, int failed,
        int skipped, int coalesced, int lost, int errors) {
}
