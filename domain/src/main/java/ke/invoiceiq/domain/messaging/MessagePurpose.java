package ke.invoiceiq.domain.messaging;

/** Why a message is sent; invoice and receipt messages to customers may fall back to SMS. */
public enum MessagePurpose {
    /** The invoice itself, to the customer: its acceptance makes the invoice SENT. */
    INVOICE,
    REMINDER,
    RECEIPT,
    PAYMENT_FAILED,
    /** A direct answer to something a person just wrote. */
    REPLY,
    /** Something the merchant must know (confirmation, delivery failure, double payment). */
    MERCHANT_NOTICE
}
