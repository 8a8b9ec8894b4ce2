package ke.invoiceiq.application.messaging;

/**
 * What one dispatcher run did with the messages it claimed.
 *
 * @param claimed   messages taken from the outbox
 * @param sent      accepted by their channel
 * @param retried   put back for a later try (throttled, briefly down)
 * @param fellBack  undeliverable on WhatsApp and queued again as SMS
 * @param failed    given up for good
 * @param skipped   invoice messages not sent because the invoice was paid or cancelled meanwhile
 * @param errors    left claimed because recording the answer failed; sent again after the lease
 */
public record DispatchReport(int claimed, int sent, int retried, int fellBack, int failed, int skipped,
        int errors) {
}
