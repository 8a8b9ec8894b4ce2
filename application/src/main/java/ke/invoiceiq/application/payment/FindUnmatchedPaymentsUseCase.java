package ke.invoiceiq.application.payment;

import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.payment.UnmatchedPayment;
import ke.invoiceiq.domain.payment.UnmatchedPaymentId;

/** Driving port: the money M-PESA reported that matched no attempt (REST {@code GET /payments/unmatched}). */
public interface FindUnmatchedPaymentsUseCase {

    /** Newest first, optionally only those in one status; at most {@code limit}. */
    List<UnmatchedPayment> latest(Optional<UnmatchedPayment.Status> status, int limit);

    Optional<UnmatchedPayment> find(UnmatchedPaymentId id);
}
