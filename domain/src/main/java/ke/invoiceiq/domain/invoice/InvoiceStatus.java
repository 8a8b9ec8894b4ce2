package ke.invoiceiq.domain.invoice;

/** Where an invoice stands. FAILED means it could not be delivered on any channel, not a failed payment. */
public enum InvoiceStatus {
    PENDING,
    SENT,
    PAID,
    CANCELLED,
    FAILED
}
