package ke.invoiceiq.domain.messaging;

import java.util.List;
import ke.invoiceiq.domain.invoice.InvoiceId;

/** Driven port: the audit trail of message events (metadata only). */
public interface MessageLog {

    void record(MessageLogEntry entry);

    List<MessageLogEntry> forInvoice(InvoiceId invoiceId);
}
