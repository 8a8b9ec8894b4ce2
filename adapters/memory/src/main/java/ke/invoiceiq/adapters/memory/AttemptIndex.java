package ke.invoiceiq.adapters.memory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;

/**
 * Every invoice's attempts by the names the database keeps unique across all invoices (id, idempotency key,
 * CheckoutRequestID, M-PESA receipt), so the in-memory repository refuses exactly what the unique indexes refuse.
 * Not thread-safe: its owner, {@link InMemoryInvoiceRepository}, guards it.
 */
final class AttemptIndex {

    private final Map<PaymentId, Payment> byId = new HashMap<>();
    private final Map<IdempotencyKey, PaymentId> byKey = new HashMap<>();
    private final Map<CheckoutRequestId, PaymentId> byCheckout = new HashMap<>();
    private final Map<MpesaReceipt, PaymentId> byReceipt = new HashMap<>();

    /**
     * @throws ConcurrentUpdateException when an attempt's idempotency key is held by another invoice's attempt:
     *         two invoices raced for one key, and the loser's whole unit of work is retried
     * @throws IllegalStateException when an attempt's id, CheckoutRequestID or receipt is held by another invoice's
     *         attempt, or by two attempts of {@code next}
     */
    void requireFree(Invoice next) {
        var checkouts = new HashSet<CheckoutRequestId>();
        var receipts = new HashSet<MpesaReceipt>();
        for (Payment p : next.payments()) {
            if (heldElsewhere(next, Optional.of(p.id()))) {
                throw new IllegalStateException("payment id " + p.id() + " belongs to another invoice");
            }
            if (heldElsewhere(next, Optional.ofNullable(byKey.get(p.idempotencyKey())))) {
                throw new ConcurrentUpdateException("the idempotency key of payment " + p.id());
            }
            if (p.checkoutRequestId().isPresent() && (!checkouts.add(p.checkoutRequestId().get())
                    || heldElsewhere(next, p.checkoutRequestId().map(byCheckout::get)))) {
                throw new IllegalStateException("the CheckoutRequestID of payment " + p.id() + " is taken");
            }
            if (p.receipt().isPresent() && (!receipts.add(p.receipt().get())
                    || heldElsewhere(next, p.receipt().map(byReceipt::get)))) {
                throw new IllegalStateException("the M-PESA receipt of payment " + p.id() + " is taken");
            }
        }
    }

    /** Forgets the attempts of {@code before}, the stored state, and indexes those of {@code next}. */
    void replace(Invoice before, Invoice next) {
        before.payments().forEach(this::remove);
        next.payments().forEach(this::put);
    }

    Optional<Payment> find(PaymentId id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<Payment> findByKey(IdempotencyKey key) {
        return lookUp(byKey, key);
    }

    Optional<Payment> findByCheckout(CheckoutRequestId id) {
        return lookUp(byCheckout, id);
    }

    Optional<Payment> findByReceipt(MpesaReceipt receipt) {
        return lookUp(byReceipt, receipt);
    }

    List<Payment> all() {
        return List.copyOf(byId.values());
    }

    private <K> Optional<Payment> lookUp(Map<K, PaymentId> index, K name) {
        return Optional.ofNullable(index.get(name)).map(byId::get);
    }

    private boolean heldElsewhere(Invoice next, Optional<PaymentId> holder) {
        return holder.map(byId::get).filter(p -> !p.invoiceId().equals(next.id())).isPresent();
    }

    private void put(Payment p) {
        byId.put(p.id(), p);
        byKey.put(p.idempotencyKey(), p.id());
        p.checkoutRequestId().ifPresent(c -> byCheckout.put(c, p.id()));
        p.receipt().ifPresent(r -> byReceipt.put(r, p.id()));
    }

    private void remove(Payment p) {
        byId.remove(p.id());
        byKey.remove(p.idempotencyKey(), p.id());
        p.checkoutRequestId().ifPresent(c -> byCheckout.remove(c, p.id()));
        p.receipt().ifPresent(r -> byReceipt.remove(r, p.id()));
    }
}
