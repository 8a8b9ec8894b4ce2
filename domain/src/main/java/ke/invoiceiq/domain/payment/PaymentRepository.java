package ke.invoiceiq.domain.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.InvoiceId;

/** Driven port: STK attempts. */
public interface PaymentRepository {

    enum AddResult {
        ADDED,
        /** Another INITIATED attempt exists for the invoice (the one-in-flight rule, enforced atomically). */
        ANOTHER_IN_FLIGHT,
        /** An attempt with this idempotency key exists already. */
        DUPLICATE_KEY
    }

    /** Inserts an INITIATED attempt unless the one-in-flight rule or the idempotency key forbids it, atomically. */
    AddResult addIfNoneInFlight(Payment payment);

    void update(Payment payment);

    Optional<Payment> find(PaymentId id);

    Optional<Payment> findByCheckoutRequestId(CheckoutRequestId id);

    Optional<Payment> findByIdempotencyKey(IdempotencyKey key);

    List<Payment> findByInvoice(InvoiceId invoiceId);

    /** INITIATED attempts created before {@code cutoff}, oldest first: the reconciler's work list. */
    List<Payment> findInitiatedBefore(Instant cutoff, int limit);
}
