package ke.invoiceiq.domain.payment;

import java.time.Duration;

/**
 * What a Daraja result code means for people, and when the customer may ask for a new prompt after it. One row
 * per reason: its code, the short reason both sides see on a failure ({@code plainReason}), what the payer reads
 * ({@code customerSentence}), and the retry rule ({@link Retry}) that {@link PaymentAttemptPolicy} applies.
 *
 * <p>The negative codes are ours, never M-PESA's: a push refused before any prompt went out (no answer from the
 * payer can exist), and an attempt given up because M-PESA never told us how it ended.
 *
 * <table>
 * <caption>Retry rule by reason</caption>
 * <tr><th>reason</th><th>code</th><th>new prompt</th><th>why</th></tr>
 * <tr><td>SUBSCRIBER_BUSY, UNAVAILABLE, REJECTED</td><td>1001, -1, -2</td><td>at once</td>
 * <td>refused on the spot: no prompt reached the phone</td></tr>
 * <tr><td>INSUFFICIENT_FUNDS, WRONG_PIN, EXPIRED, PUSH_ERROR, GENERIC_FAILURE, OTHER, NO_ANSWER</td><td>…</td>
 * <td>at once</td><td>nothing M-PESA asks us to wait for</td></tr>
 * <tr><td>CANCELLED_BY_USER</td><td>1032</td><td>after the cooldown</td><td>the customer said no; a new prompt
 * at once would be pushy</td></tr>
 * <tr><td>PHONE_UNREACHABLE</td><td>1037</td><td>after the cooldown</td><td>the phone is off or out of
 * network; a prompt at once fails the same way</td></tr>
 * <tr><td>RULE_LIMITED</td><td>17</td><td>after the cooldown</td><td>M-PESA refuses the same amount within 2
 * minutes</td></tr>
 * </table>
 */
public enum StkReason {
    PAID(0, "paid", "Payment received. Thank you!", Retry.AT_ONCE),
    INSUFFICIENT_FUNDS(1, "insufficient M-PESA balance",
            "Your M-PESA balance was not enough. Top up, then tap Pay with M-PESA again.", Retry.AT_ONCE),
    RULE_LIMITED(17, "a same-amount payment was made less than 2 minutes ago",
            "M-PESA blocked a repeat payment. Tap Pay with M-PESA again in %s.", Retry.AFTER_COOLDOWN),
    SUBSCRIBER_BUSY(1001, "another M-PESA prompt was open on the phone",
            "Another M-PESA prompt is open on your phone. Finish or close it, then tap Pay with M-PESA again.",
            Retry.AT_ONCE),
    EXPIRED(1019, "the prompt expired",
            "The M-PESA prompt expired. Tap Pay with M-PESA to get a new one.", Retry.AT_ONCE),
    PUSH_ERROR(1025, "M-PESA could not send the prompt",
            "M-PESA could not send the prompt. Please tap Pay with M-PESA again.", Retry.AT_ONCE),
    CANCELLED_BY_USER(1032, "the payment was cancelled on the phone",
            "You cancelled the M-PESA prompt. When you are ready, tap Pay with M-PESA again in %s.",
            Retry.AFTER_COOLDOWN),
    PHONE_UNREACHABLE(1037, "the phone could not be reached",
            "We could not reach your phone. Check it is on and has network, then tap Pay with M-PESA again in %s.",
            Retry.AFTER_COOLDOWN),
    WRONG_PIN(2001, "the M-PESA PIN was wrong",
            "The M-PESA PIN was wrong. Tap Pay with M-PESA to try again.", Retry.AT_ONCE),
    GENERIC_FAILURE(9999, "M-PESA could not complete the payment",
            "M-PESA could not complete the payment. Please tap Pay with M-PESA again.", Retry.AT_ONCE),
    /** Daraja did not take the push now (throttled, unreachable, breaker open): no prompt went out. */
    UNAVAILABLE(-1, "M-PESA was not taking requests",
            "M-PESA is not answering right now. Please tap Pay with M-PESA again in a moment.", Retry.AT_ONCE),
    /** Daraja refused the push for good (our configuration): no prompt went out. */
    REJECTED(-2, "M-PESA refused the request (merchant settings)",
            "M-PESA could not take the request. Please tap Pay with M-PESA again later.", Retry.AT_ONCE),
    /**
     * We gave up waiting: M-PESA never said how the prompt ended (no callback, no conclusive query). The money may
     * have moved; a late callback still pays the invoice.
     */
    NO_ANSWER(-3, "M-PESA never confirmed the outcome",
            "M-PESA has not confirmed your last payment. If the money left your account, do not pay again."
                    + " If not, tap Pay with M-PESA.", Retry.AT_ONCE),
    OTHER(Integer.MIN_VALUE, "M-PESA could not complete the payment",
            "M-PESA could not complete the payment. Please tap Pay with M-PESA again.", Retry.AT_ONCE);

    /** When a new prompt may follow an attempt that ended for this reason. */
    public enum Retry {
        /** At once: nothing reached the phone, or nothing asks us to wait. */
        AT_ONCE,
        /** After the configured cooldown ({@link PaymentAttemptPolicy#cooldown()}). */
        AFTER_COOLDOWN
    }

    private final int code;
    private final String plainReason;
    private final String customerSentence;
    private final Retry retry;

    StkReason(int code, String plainReason, String customerSentence, Retry retry) {
        this.code = code;
        this.plainReason = plainReason;
        this.customerSentence = customerSentence;
        this.retry = retry;
    }

    public static StkReason of(int resultCode) {
        for (StkReason r : values()) {
            if (r.code == resultCode && r != OTHER) {
                return r;
            }
        }
        return OTHER;
    }

    public int code() {
        return code;
    }

    public String plainReason() {
        return plainReason;
    }

    /** What the payer reads, with the default cooldown where the sentence names a wait. */
    public String customerSentence() {
        return customerSentence(PaymentAttemptPolicy.DEFAULT.cooldown());
    }

    /** What the payer reads; a reason that makes the customer wait names {@code cooldown} in minutes. */
    public String customerSentence(Duration cooldown) {
        if (retry == Retry.AT_ONCE) {
            return customerSentence;
        }
        long minutes = Math.max(1, (cooldown.toSeconds() + 59) / 60);
        return customerSentence.formatted(minutes == 1 ? "1 minute" : minutes + " minutes");
    }

    public Retry retry() {
        return retry;
    }

    public boolean customerMayRetry() {
        return this != PAID;
    }

    /** A refusal on the spot: the push never reached the payer's phone. */
    public boolean refusedBeforePrompt() {
        return this == SUBSCRIBER_BUSY || this == UNAVAILABLE || this == REJECTED;
    }
}
