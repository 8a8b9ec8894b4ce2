package ke.invoiceiq.domain.payment;

import java.util.Objects;

/** A payment result as the inbox keeps it, under the inbox's own id (one CheckoutRequestID may have several). */
public record KeptResult(long id, PaymentResult result) {
    public KeptResult {
        Objects.requireNonNull(result, "result");
    }
}
