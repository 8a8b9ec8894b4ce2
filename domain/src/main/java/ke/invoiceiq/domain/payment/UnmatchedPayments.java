package ke.invoiceiq.domain.payment;

import java.util.List;
import java.util.Optional;

/** Driven port: money M-PESA reported that matched no attempt. */
public interface UnmatchedPayments {

    /**
     * Stores a newly raised payment; false (and nothing stored) when one for the same CheckoutRequestID and
     * receipt is kept already.
     */
    boolean add(UnmatchedPayment payment);

    Optional<UnmatchedPayment> find(UnmatchedPaymentId id);

    /** The open one raised for {@code id}, if any. */
    Optional<UnmatchedPayment> findOpen(CheckoutRequestId id);

    /**
     * Stores the next state of a payment read at {@code payment.version()} and returns it at its new version.
     *
     * @throws ke.invoiceiq.domain.shared.ConcurrentUpdateException when it was changed since it was read
     */
    UnmatchedPayment update(UnmatchedPayment payment);

    /** Newest first, optionally only those in one status; at most {@code limit}. */
    List<UnmatchedPayment> latest(Optional<UnmatchedPayment.Status> status, int limit);

    long countOpen();
}
