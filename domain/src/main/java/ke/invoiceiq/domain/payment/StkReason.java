package ke.invoiceiq.domain.payment;

/**
 * What a Daraja result code means for people. {@code customerSentence} is what the payer reads;
 * {@code plainReason} is the short reason both sides see on a failure.
 */
public enum StkReason {
    PAID(0, "paid", "Payment received. Thank you!", false),
    INSUFFICIENT_FUNDS(1, "insufficient M-PESA balance",
            "Your M-PESA balance was not enough. Top up, then tap Pay with M-PESA again.", true),
    RULE_LIMITED(17, "a same-amount payment was made less than 2 minutes ago",
            "M-PESA blocked a repeat payment. Wait 2 minutes, then tap Pay with M-PESA again.", true),
    SUBSCRIBER_BUSY(1001, "another M-PESA prompt was open on the phone",
            "Another M-PESA prompt is open on your phone. Finish or close it, then tap Pay with M-PESA again.", true),
    EXPIRED(1019, "the prompt expired",
            "The M-PESA prompt expired. Tap Pay with M-PESA to get a new one.", true),
    PUSH_ERROR(1025, "M-PESA could not send the prompt",
            "M-PESA could not send the prompt. Please tap Pay with M-PESA again in a minute.", true),
    CANCELLED_BY_USER(1032, "the payment was cancelled on the phone",
            "You cancelled the M-PESA prompt. Tap Pay with M-PESA when you are ready.", true),
    PHONE_UNREACHABLE(1037, "the phone could not be reached",
            "We could not reach your phone. Check it is on and has network, then tap Pay with M-PESA again.", true),
    WRONG_PIN(2001, "the M-PESA PIN was wrong",
            "The M-PESA PIN was wrong. Tap Pay with M-PESA to try again.", true),
    GENERIC_FAILURE(9999, "M-PESA could not complete the payment",
            "M-PESA could not complete the payment. Please tap Pay with M-PESA again.", true),
    OTHER(-1, "M-PESA could not complete the payment",
            "M-PESA could not complete the payment. Please tap Pay with M-PESA again.", true);

    private final int code;
    private final String plainReason;
    private final String customerSentence;
    private final boolean customerMayRetry;

    StkReason(int code, String plainReason, String customerSentence, boolean customerMayRetry) {
        this.code = code;
        this.plainReason = plainReason;
        this.customerSentence = customerSentence;
        this.customerMayRetry = customerMayRetry;
    }

    public static StkReason of(int resultCode) {
        for (StkReason r : values()) {
            if (r.code == resultCode && r != OTHER) {
                return r;
            }
        }
        return OTHER;
    }

    public String plainReason() {
        return plainReason;
    }

    public String customerSentence() {
        return customerSentence;
    }

    public boolean customerMayRetry() {
        return customerMayRetry;
    }
}
