package ke.invoiceiq.domain.invoice;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts by status and how fast invoices get paid. {@code sent} counts every invoice that ever reached the
 * customer (sent, paid after sending, or cancelled after sending), so conversion = paid / sent.
 */
public record StatsSummary(Map<InvoiceStatus, Long> countsByStatus, long sent, long paid,
        Optional<Duration> meanTimeToPay, Optional<Duration> medianTimeToPay) {

    public StatsSummary {
        Objects.requireNonNull(meanTimeToPay, "meanTimeToPay");
        Objects.requireNonNull(medianTimeToPay, "medianTimeToPay");
        var complete = new EnumMap<InvoiceStatus, Long>(InvoiceStatus.class);
        for (InvoiceStatus s : InvoiceStatus.values()) {
            complete.put(s, countsByStatus.getOrDefault(s, 0L));
        }
        countsByStatus = Map.copyOf(complete);
    }

    public long total() {
        return countsByStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Paid over sent, 0 when nothing was sent yet. */
    public double conversion() {
        return sent == 0 ? 0.0 : (double) paid / sent;
    }
}
