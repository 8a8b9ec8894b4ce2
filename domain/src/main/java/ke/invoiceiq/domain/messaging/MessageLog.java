package ke.invoiceiq.domain.messaging;

import java.time.Instant;
import java.util.List;
import ke.invoiceiq.domain.invoice.InvoiceId;

/** Driven port: the audit trail of message events (metadata only). */
public interface MessageLog {

    void record(MessageLogEntry entry);

    List<MessageLogEntry> forInvoice(InvoiceId invoiceId);

    /**
     * Retention: deletes up to {@code limit} entries of strictly before {@code cutoff} (an entry exactly at the
     * cutoff stays) and returns how many it deleted. A caller that gets {@code limit} back calls again.
     */
    int purgeBefore(Instant cutoff, int limit);
}
