package ke.invoiceiq.adapters.memory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.UnmatchedPayment;
import ke.invoiceiq.domain.payment.UnmatchedPaymentId;
import ke.invoiceiq.domain.payment.UnmatchedPayments;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;

/**
 * Unmatched payments in a map, one per CheckoutRequestID and receipt (the same money reported twice is raised
 * once), with the optimistic version check a database row would give.
 */
public final class InMemoryUnmatchedPayments implements UnmatchedPayments {

    /** A C2B payment has no CheckoutRequestID: its receipt (TransID) alone is the key. */
    private record Reported(Optional<CheckoutRequestId> checkoutRequestId, Optional<MpesaReceipt> receipt) {
        static Reported of(UnmatchedPayment p) {
            return new Reported(p.checkoutRequestId(), p.receipt());
        }
    }

    private static final Comparator<UnmatchedPayment> NEWEST_FIRST =
            Comparator.comparing(UnmatchedPayment::receivedAt).thenComparing(p -> p.id().value()).reversed();

    private static final Comparator<UnmatchedPayment> OLDEST_FIRST = NEWEST_FIRST.reversed();

    private final Map<UnmatchedPaymentId, UnmatchedPayment> byId = new LinkedHashMap<>();
    private final Map<Reported, UnmatchedPaymentId> idByReported = new HashMap<>();

    /** @throws IllegalStateException when its id is taken by another payment */
    @Override
    public synchronized boolean add(UnmatchedPayment payment) {
        if (idByReported.containsKey(Reported.of(payment))) {
            return false;
        }
        if (byId.containsKey(payment.id())) {
            throw new IllegalStateException("unmatched payment " + payment.id() + " exists already");
        }
        byId.put(payment.id(), payment);
        idByReported.put(Reported.of(payment), payment.id());
        return true;
    }

    @Override
    public synchronized Optional<UnmatchedPayment> find(UnmatchedPaymentId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The oldest, when several receipts came under one CheckoutRequestID. */
    @Override
    public synchronized Optional<UnmatchedPayment> findOpen(CheckoutRequestId id) {
        return byId.values().stream()
                .filter(p -> p.isOpen() && p.checkoutRequestId().equals(Optional.of(id)))
                .min(OLDEST_FIRST);
    }

    /**
     * @throws ConcurrentUpdateException when the stored version is not {@code payment.version()}
     * @throws IllegalStateException when it was never added, or its CheckoutRequestID and receipt would be those
     *         of another
     */
    @Override
    public synchronized UnmatchedPayment update(UnmatchedPayment payment) {
        UnmatchedPayment stored = byId.get(payment.id());
        if (stored == null) {
            throw new IllegalStateException("no unmatched payment " + payment.id() + " to update");
        }
        if (stored.version() != payment.version()) {
            throw new ConcurrentUpdateException("unmatched payment " + payment.id());
        }
        UnmatchedPaymentId holder = idByReported.get(Reported.of(payment));
        if (holder != null && !holder.equals(payment.id())) {
            throw new IllegalStateException("unmatched payment " + holder + " was raised for the same CheckoutRequestID and receipt");
        }
        UnmatchedPayment next = payment.withVersion(payment.version() + 1);
        byId.put(next.id(), next);
        idByReported.remove(Reported.of(stored));
        idByReported.put(Reported.of(next), next.id());
        return next;
    }

    /** Newest first: received time, then id, descending. */
    @Override
    public synchronized List<UnmatchedPayment> latest(Optional<UnmatchedPayment.Status> status, int limit) {
        Limits.requireNonNegative(limit);
        return byId.values().stream()
                .filter(p -> status.isEmpty() || status.get() == p.status())
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized long countOpen() {
        return byId.values().stream().filter(UnmatchedPayment::isOpen).count();
    }
}
