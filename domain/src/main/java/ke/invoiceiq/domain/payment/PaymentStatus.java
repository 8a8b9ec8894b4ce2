package ke.invoiceiq.domain.payment;

/** One STK attempt: INITIATED until M-PESA (callback or query) says how it ended, or the window closes. */
public enum PaymentStatus {
    INITIATED,
    SUCCESS,
    FAILED,
    EXPIRED;

    public boolean isFinal() {
        return this != INITIATED;
    }
}
