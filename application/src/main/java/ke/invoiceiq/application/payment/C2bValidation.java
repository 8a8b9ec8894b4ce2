package ke.invoiceiq.application.payment;

/** The answer to M-PESA's validation request, before the customer's money moves. */
public enum C2bValidation {
    /** Let the payment go through. */
    ACCEPT,
    /** Refuse it: the account number names no open invoice (Safaricom's "invalid account number"). */
    INVALID_ACCOUNT
}
