package ke.invoiceiq.adapters.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.PaymentStatus;

/**
 * STK attempts in a map. When a new attempt both repeats a key and meets one in flight, DUPLICATE_KEY wins:
 * the caller is repeating itself, and should be handed the attempt it already made.
 */
public final class InMemoryPaymentRepository implements PaymentRepository {

    private static final Comparator<Payment> OLDEST_FIRST =
            Comparator.comparing(Payment::createdAt).thenComparing(p -> p.id().value());

    private final Map<PaymentId, Payment> byId = new LinkedHashMap<>();

    @Override
    public synchronized AddResult addIfNoneInFlight(Payment payment) {
        if (payment.status() != PaymentStatus.INITIATED) {
            throw new IllegalArgumentException("only an INITIATED attempt can be added, not " + payment.status());
        }
        if (byId.containsKey(payment.id())) {
            throw new IllegalStateException("payment " + payment.id() + " exists already");
        }
        if (findByIdempotencyKey(payment.idempotencyKey()).isPresent()) {
            return AddResult.DUPLICATE_KEY;
        }
        boolean inFlight = byId.values().stream()
                .anyMatch(p -> p.invoiceId().equals(payment.invoiceId()) && p.isInFlight());
        if (inFlight) {
            return AddResult.ANOTHER_IN_FLIGHT;
        }
        byId.put(payment.id(), payment);
        return AddResult.ADDED;
    }

    @Override
    public synchronized void update(Payment payment) {
        if (!byId.containsKey(payment.id())) {
            throw new IllegalStateException("no payment " + payment.id() + " to update");
        }
        byId.put(payment.id(), payment);
    }

    @Override
    public synchronized Optional<Payment> find(PaymentId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Payment> findByCheckoutRequestId(CheckoutRequestId id) {
        return byId.values().stream().filter(p -> p.checkoutRequestId().equals(Optional.of(id))).findFirst();
    }

    @Override
    public synchronized Optional<Payment> findByIdempotencyKey(IdempotencyKey key) {
        return byId.values().stream().filter(p -> p.idempotencyKey().equals(key)).findFirst();
    }

    /** Oldest first. */
    @Override
    public synchronized List<Payment> findByInvoice(InvoiceId invoiceId) {
        return byId.values().stream().filter(p -> p.invoiceId().equals(invoiceId)).sorted(OLDEST_FIRST).toList();
    }

    @Override
    public synchronized List<Payment> findInitiatedBefore(Instant cutoff, int limit) {
        Limits.requireNonNegative(limit);
        return byId.values().stream()
                .filter(p -> p.isInFlight() && p.createdAt().isBefore(cutoff))
                .sorted(OLDEST_FIRST)
                .limit(limit)
                .toList();
    }
}
