package ke.invoiceiq.domain.messaging;

import ke.invoiceiq.domain.invoice.InvoiceStatus;

/** Why a message is sent; invoice and receipt messages to customers may fall back to SMS. */
public enum MessagePurpose {
    /** The invoice itself, to the customer: its acceptance makes the invoice SENT. */
    INVOICE,
    REMINDER,
    RECEIPT,
    PAYMENT_FAILED,
    /** The customer is told that the merchant cancelled the invoice. */
    CANCELLATION,
    /** A direct answer to something a person just wrote. */
    REPLY,
    /** Something the merchant must know (confirmation, delivery failure, double payment). */
    MERCHANT_NOTICE,
    /**
     * Several merchant notices that waited for the same staff number, sent as one message; each notice it carries
     * ends {@link OutboxStatus#COALESCED}.
     */
    MERCHANT_DIGEST;

    /**
     * Whether a queued message of this purpose has lost its point once its invoice is in {@code status}, so the
     * dispatcher drops it instead of sending it: a customer who paid or whose invoice was cancelled must not be
     * asked to pay (invoice, reminder, failed payment with its Pay button); a cancellation notice still goes to a
     * cancelled invoice's customer, but not once they paid it anyway (their receipt says what happened). Receipts,
     * replies and the merchant's notices are always sent.
     */
    public boolean staleOnceInvoiceIs(InvoiceStatus status) {
        return switch (this) {
            case INVOICE, REMINDER, PAYMENT_FAILED ->
                    status == InvoiceStatus.PAID || status == InvoiceStatus.CANCELLED;
            case CANCELLATION -> status == InvoiceStatus.PAID;
            case RECEIPT, REPLY, MERCHANT_NOTICE, MERCHANT_DIGEST -> false;
        };
    }

    /** Whether this is news for the merchant's staff rather than a message to a customer or an answer. */
    public boolean isForStaff() {
        return this == MERCHANT_NOTICE || this == MERCHANT_DIGEST;
    }
}
