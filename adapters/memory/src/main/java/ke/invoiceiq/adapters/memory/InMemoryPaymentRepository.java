package ke.invoiceiq.adapters.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentRepository;

/**
 * The attempts as the invoices hold them: this repository keeps no copy, so an attempt written with its invoice
 * is found here at once. Only the reconciler's leases are its own, since they are no part of the aggregate (an
 * invoice update never touches them).
 */
public final class InMemoryPaymentRepository implements PaymentRepository {

    private static final Comparator<Payment> OLDEST_FIRST =
            Comparator.comparing(Payment::createdAt).thenComparing(p -> p.id().value());

    private static final Comparator<Payment> LOOKED_AT_LEAST_RECENTLY =
            Comparator.comparing((Payment p) -> p.lastQueriedAt().orElse(p.createdAt()))
                    .thenComparing(p -> p.id().value());

    private final InMemoryInvoiceRepository invoices;
    private final Map<PaymentId, Instant> leaseUntil = new HashMap<>();

    public InMemoryPaymentRepository(InMemoryInvoiceRepository invoices) {
        this.invoices = Objects.requireNonNull(invoices, "invoices");
    }

    @Override
    public Optional<Payment> find(PaymentId id) {
        return invoices.attempt(id);
    }

    @Override
    public Optional<Payment> findByCheckoutRequestId(CheckoutRequestId id) {
        return invoices.attemptNamed(id);
    }

    /** The oldest, when several attempts carry it (Daraja does not promise it is unique). */
    @Override
    public Optional<Payment> findByMerchantRequestId(MerchantRequestId id) {
        return invoices.attempts().stream()
                .filter(p -> p.merchantRequestId().equals(Optional.of(id)))
                .min(OLDEST_FIRST);
    }

    @Override
    public Optional<Payment> findByIdempotencyKey(IdempotencyKey key) {
        return invoices.attemptWithKey(key);
    }

    @Override
    public Optional<Payment> findByReceipt(MpesaReceipt receipt) {
        return invoices.attemptWithReceipt(receipt);
    }

    @Override
    public List<Payment> findByInvoice(InvoiceId invoiceId) {
        return invoices.find(invoiceId).map(i -> i.payments().stream().sorted(OLDEST_FIRST).toList())
                .orElse(List.of());
    }

    /** Oldest first. */
    @Override
    public List<Payment> findUnnamed(Msisdn payer, Instant from, Instant to) {
        return invoices.attempts().stream()
                .filter(p -> !p.isNamed() && p.payer().equals(payer))
                .filter(p -> !p.createdAt().isBefore(from) && !p.createdAt().isAfter(to))
                .sorted(OLDEST_FIRST)
                .toList();
    }

    /** Looked at least recently first: the last query's time, or the creation for one never queried. */
    @Override
    public synchronized List<AttemptRef> claimInFlight(Instant createdBefore, Instant now, Instant leaseUntil,
            int limit) {
        Limits.requireNonNegative(limit);
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        List<Payment> due = invoices.attempts().stream()
                .filter(p -> p.isInFlight() && p.createdAt().isBefore(createdBefore) && isFree(p.id(), now))
                .sorted(LOOKED_AT_LEAST_RECENTLY)
                .limit(limit)
                .toList();
        due.forEach(p -> this.leaseUntil.put(p.id(), leaseUntil));
        return due.stream().map(p -> new AttemptRef(p.invoiceId(), p.id())).toList();
    }

    /** An attempt never claimed, or unknown, changes nothing. */
    @Override
    public synchronized void release(PaymentId id) {
        leaseUntil.remove(id);
    }

    private boolean isFree(PaymentId id, Instant now) {
        Instant until = leaseUntil.get(id);
        return until == null || !until.isAfter(now);
    }
}
