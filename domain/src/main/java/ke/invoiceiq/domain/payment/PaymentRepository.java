package ke.invoiceiq.domain.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceId;

/**
 * Driven port: finding STK attempts across invoices. Attempts are part of the invoice aggregate and are written
 * only with it ({@link ke.invoiceiq.domain.invoice.InvoiceRepository#update}); this port reads them, to find
 * which invoice a result, a key or a due query belongs to.
 */
public interface PaymentRepository {

    /** A reference to one attempt: its invoice (the aggregate to load) and its id. */
    record AttemptRef(InvoiceId invoiceId, PaymentId paymentId) {
    }

    Optional<Payment> find(PaymentId id);

    Optional<Payment> findByCheckoutRequestId(CheckoutRequestId id);

    Optional<Payment> findByMerchantRequestId(MerchantRequestId id);

    Optional<Payment> findByIdempotencyKey(IdempotencyKey key);

    /** The attempt that recorded this receipt, if one did. */
    Optional<Payment> findByReceipt(MpesaReceipt receipt);

    /** Oldest first. */
    List<Payment> findByInvoice(InvoiceId invoiceId);

    /** Attempts Daraja never named (no CheckoutRequestID), for {@code payer}, created in [{@code from}, {@code to}]. */
    List<Payment> findUnnamed(Msisdn payer, Instant from, Instant to);

    /**
     * The reconciler's claim: up to {@code limit} attempts in flight created before {@code createdBefore} that no
     * other instance holds, held until {@code leaseUntil}; those looked at least recently come first. Two instances
     * never hold the same attempt at once.
     */
    List<AttemptRef> claimInFlight(Instant createdBefore, Instant now, Instant leaseUntil, int limit);

    /** Lets go of a claimed attempt before its lease ends. */
    void release(PaymentId id);
}
