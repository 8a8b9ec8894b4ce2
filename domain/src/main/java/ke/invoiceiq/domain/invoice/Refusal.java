package ke.invoiceiq.domain.invoice;

/** Why the invoice said no to a request. */
public enum Refusal {
    NOT_SENT_YET,
    ALREADY_PAID,
    CANCELLED,
    PAYMENT_IN_FLIGHT,
    REMINDED_RECENTLY,
    REMINDER_LIMIT_REACHED,
    /** Money recorded outside M-PESA beyond what is still owed. */
    MORE_THAN_BALANCE
}
