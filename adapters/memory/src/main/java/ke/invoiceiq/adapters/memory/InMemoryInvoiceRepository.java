package ke.invoiceiq.adapters.memory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ke.invoiceiq.domain.due.DayCounts;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceCursor;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatistics;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.invoice.StatsSummary;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;

/**
 * Invoices in a map, each whole with its payment attempts, with the optimistic version check a database row would
 * give. What the database keeps unique across invoices is refused here too ({@link AttemptIndex}): an attempt's
 * id, idempotency key, CheckoutRequestID and receipt, and a creation key. Attempts are never removed and their
 * fixed fields (invoice, payer, amount, key, creation time) never change, as in the database, where they are
 * written once. Updating an invoice that was never added is a programming error ({@link IllegalStateException}),
 * not a concurrent change.
 */
public final class InMemoryInvoiceRepository implements InvoiceRepository, InvoiceStatistics {

    static final Comparator<Invoice> NEWEST_FIRST = Comparator.comparing(Invoice::createdAt)
            .thenComparing(i -> i.id().value())
            .reversed();

    private final Map<InvoiceId, Invoice> byId = new HashMap<>();
    private final Map<PayToken, InvoiceId> idByPayToken = new HashMap<>();
    private final Map<IdempotencyKey, InvoiceId> idByCreationKey = new HashMap<>();
    private final AttemptIndex attempts = new AttemptIndex();

    /** @throws IllegalArgumentException when the invoice has attempts already: they are added by {@link #update} */
    @Override
    public synchronized void add(Invoice invoice, Optional<IdempotencyKey> creationKey) {
        if (!invoice.payments().isEmpty()) {
            throw new IllegalArgumentException("a new invoice has no payment attempts yet: " + invoice.id());
        }
        if (byId.containsKey(invoice.id())) {
            throw new IllegalStateException("invoice " + invoice.id() + " exists already");
        }
        if (idByPayToken.containsKey(invoice.payToken())) {
            throw new IllegalStateException("pay token of invoice " + invoice.id() + " is taken");
        }
        if (creationKey.filter(idByCreationKey::containsKey).isPresent()) {
            throw new IllegalStateException("the creation key of invoice " + invoice.id() + " is taken");
        }
        byId.put(invoice.id(), invoice);
        idByPayToken.put(invoice.payToken(), invoice.id());
        creationKey.ifPresent(key -> idByCreationKey.put(key, invoice.id()));
    }

    @Override
    public synchronized Optional<Invoice> findByCreationKey(IdempotencyKey creationKey) {
        return Optional.ofNullable(idByCreationKey.get(creationKey)).map(byId::get);
    }

    /**
     * @throws ConcurrentUpdateException when the stored version is not {@code invoice.version()}, or an attempt's
     *         idempotency key is held by another invoice's attempt
     * @throws IllegalStateException when the invoice was never added, or an attempt's id, CheckoutRequestID or
     *         receipt is held by another attempt
     * @throws IllegalArgumentException when the pay token would change, an attempt would disappear or change a
     *         fixed field
     */
    @Override
    public synchronized Invoice update(Invoice invoice) {
        Invoice stored = byId.get(invoice.id());
        if (stored == null) {
            throw new IllegalStateException("no invoice " + invoice.id() + " to update");
        }
        if (stored.version() != invoice.version()) {
            throw new ConcurrentUpdateException("invoice " + invoice.id());
        }
        if (!stored.payToken().equals(invoice.payToken())) {
            throw new IllegalArgumentException("the pay token of invoice " + invoice.id() + " cannot change");
        }
        requireKept(stored, invoice);
        attempts.requireFree(invoice);
        Invoice next = invoice.withVersion(invoice.version() + 1);
        byId.put(next.id(), next);
        attempts.replace(stored, next);
        return next;
    }

    private static void requireKept(Invoice stored, Invoice next) {
        for (Payment before : stored.payments()) {
            Payment after = next.payment(before.id()).orElseThrow(() -> new IllegalArgumentException(
                    "payment " + before.id() + " of invoice " + stored.id() + " cannot be removed"));
            if (!before.payer().equals(after.payer()) || !before.amount().equals(after.amount())
                    || !before.idempotencyKey().equals(after.idempotencyKey())
                    || !before.createdAt().equals(after.createdAt())) {
                throw new IllegalArgumentException("the fixed fields of payment " + before.id() + " cannot change");
            }
        }
    }

    @Override
    public synchronized Optional<Invoice> find(InvoiceId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Invoice> findByPayToken(PayToken token) {
        return Optional.ofNullable(idByPayToken.get(token)).map(byId::get);
    }

    @Override
    public synchronized List<Invoice> latest(Optional<InvoiceStatus> status, Optional<InvoiceCursor> after,
            int limit) {
        Limits.requireNonNegative(limit);
        return byId.values().stream()
                .filter(i -> status.isEmpty() || status.get() == i.status())
                .filter(i -> after.isEmpty() || after.get().precedes(i))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean exists(InvoiceId id) {
        return byId.containsKey(id);
    }

    // The attempts as stored, for InMemoryPaymentRepository: the invoices are their only copy.

    synchronized Optional<Payment> attempt(PaymentId id) {
        return attempts.find(id);
    }

    synchronized Optional<Payment> attemptWithKey(IdempotencyKey key) {
        return attempts.findByKey(key);
    }

    synchronized Optional<Payment> attemptNamed(CheckoutRequestId id) {
        return attempts.findByCheckout(id);
    }

    synchronized Optional<Payment> attemptWithReceipt(MpesaReceipt receipt) {
        return attempts.findByReceipt(receipt);
    }

    synchronized List<Payment> attempts() {
        return attempts.all();
    }

    /**
     * Time to pay is paid − sent, or paid − created for an invoice paid before any channel accepted it. The
     * median of an even count is the mean of the two middle values, as SQL's {@code percentile_cont(0.5)}.
     */
    @Override
    public synchronized List<Invoice> openDueBy(LocalDate day, Optional<InvoiceId> after, int limit) {
        Limits.requireNonNegative(limit);
        return byId.values().stream()
                .filter(Invoice::isPayable)
                .filter(i -> i.dueDate().filter(due -> !due.isAfter(day)).isPresent())
                .filter(i -> after.map(a -> i.id().value().compareTo(a.value()) > 0).orElse(true))
                .sorted(java.util.Comparator.comparing(i -> i.id().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized DayCounts between(Instant from, Instant to) {
        long issued = byId.values().stream()
                .filter(i -> !i.createdAt().isBefore(from) && i.createdAt().isBefore(to)).count();
        long paid = byId.values().stream().filter(i -> i.status() == InvoiceStatus.PAID)
                .filter(i -> i.paidAt().filter(at -> !at.isBefore(from) && at.isBefore(to)).isPresent()).count();
        return new DayCounts(issued, paid);
    }

    @Override
    public synchronized StatsSummary summarize() {
        var counts = new EnumMap<InvoiceStatus, Long>(InvoiceStatus.class);
        long sent = 0;
        var timesToPay = new ArrayList<Duration>();
        for (Invoice i : byId.values()) {
            counts.merge(i.status(), 1L, Long::sum);
            if (i.sentAt().isPresent()) {
                sent++;
            }
            if (i.status() == InvoiceStatus.PAID) {
                timesToPay.add(Duration.between(i.sentAt().orElse(i.createdAt()), i.paidAt().orElseThrow()));
            }
        }
        return new StatsSummary(counts, sent, timesToPay.size(), mean(timesToPay), median(timesToPay));
    }

    private static Optional<Duration> mean(List<Duration> durations) {
        if (durations.isEmpty()) {
            return Optional.empty();
        }
        Duration sum = durations.stream().reduce(Duration.ZERO, Duration::plus);
        return Optional.of(sum.dividedBy(durations.size()));
    }

    private static Optional<Duration> median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return Optional.of(sorted.get(middle));
        }
        return Optional.of(sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2));
    }
}
