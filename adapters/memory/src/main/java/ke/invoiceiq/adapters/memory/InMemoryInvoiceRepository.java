package ke.invoiceiq.adapters.memory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceCursor;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatistics;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.invoice.StatsSummary;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;

/**
 * Invoices in a map, with the optimistic version check a database row would give. Updating an invoice that
 * was never added is a programming error ({@link IllegalStateException}), not a concurrent change.
 */
public final class InMemoryInvoiceRepository implements InvoiceRepository, InvoiceStatistics {

    static final Comparator<Invoice> NEWEST_FIRST = Comparator.comparing(Invoice::createdAt)
            .thenComparing(i -> i.id().value())
            .reversed();

    private final Map<InvoiceId, Invoice> byId = new HashMap<>();
    private final Map<PayToken, InvoiceId> idByPayToken = new HashMap<>();

    @Override
    public synchronized void add(Invoice invoice) {
        if (byId.containsKey(invoice.id())) {
            throw new IllegalStateException("invoice " + invoice.id() + " exists already");
        }
        if (idByPayToken.containsKey(invoice.payToken())) {
            throw new IllegalStateException("pay token of invoice " + invoice.id() + " is taken");
        }
        byId.put(invoice.id(), invoice);
        idByPayToken.put(invoice.payToken(), invoice.id());
    }

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
        Invoice next = invoice.withVersion(invoice.version() + 1);
        byId.put(next.id(), next);
        return next;
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

    /**
     * Time to pay is paid − sent, or paid − created for an invoice paid before any channel accepted it. The
     * median of an even count is the mean of the two middle values, as SQL's {@code percentile_cont(0.5)}.
     */
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
