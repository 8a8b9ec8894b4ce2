package ke.invoiceiq.domain.shared;

import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.PayToken;

/** Driven port: where new identities come from (random in production, predictable in tests). */
public interface IdGenerator {

    InvoiceId nextInvoiceId();

    PayToken nextPayToken();

    /** An opaque unique id for payments, outbox rows and log entries. */
    String nextId();
}
