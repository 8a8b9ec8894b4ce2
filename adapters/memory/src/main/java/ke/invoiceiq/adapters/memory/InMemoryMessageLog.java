package ke.invoiceiq.adapters.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.MessageLog;
import ke.invoiceiq.domain.messaging.MessageLogEntry;

/** The audit trail as a list. */
public final class InMemoryMessageLog implements MessageLog {

    private final List<MessageLogEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(MessageLogEntry entry) {
        if (entries.stream().anyMatch(e -> e.id().equals(entry.id()))) {
            throw new IllegalStateException("message log entry " + entry.id() + " exists already");
        }
        entries.add(entry);
    }

    /** In time order; entries of the same instant in the order recorded. */
    @Override
    public synchronized List<MessageLogEntry> forInvoice(InvoiceId invoiceId) {
        return entries.stream()
                .filter(e -> e.invoiceId().equals(Optional.of(invoiceId)))
                .sorted(Comparator.comparing(MessageLogEntry::at))
                .toList();
    }

    /** Oldest first. */
    @Override
    public synchronized int purgeBefore(Instant cutoff, int limit) {
        Objects.requireNonNull(cutoff, "cutoff");
        Limits.requireNonNegative(limit);
        var expired = entries.stream()
                .filter(e -> e.at().isBefore(cutoff))
                .sorted(Comparator.comparing(MessageLogEntry::at))
                .limit(limit)
                .map(MessageLogEntry::id)
                .collect(Collectors.toSet());
        entries.removeIf(e -> expired.contains(e.id()));
        return expired.size();
    }

    /** Every entry, in the order recorded: for tests. */
    public synchronized List<MessageLogEntry> all() {
        return List.copyOf(entries);
    }
}
