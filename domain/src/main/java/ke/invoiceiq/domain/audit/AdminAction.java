package ke.invoiceiq.domain.audit;

/**
 * What an operator did through the merchant API that changes something or hands data out. The names are stored in
 * the audit trail: never rename one; add new ones at the end.
 */
public enum AdminAction {
    APPLY_UNMATCHED_PAYMENT,
    REMIND_INVOICE,
    CANCEL_INVOICE,
    MARK_INVOICE_PAID,
    RETRY_OUTBOX_MESSAGE,
    ABANDON_OUTBOX_MESSAGE,
    REQUERY_PAYMENT,
    EXPORT_INVOICES,
    EXPORT_PAYMENTS,
    REGISTER_C2B_URLS
}
