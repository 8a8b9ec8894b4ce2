package ke.invoiceiq.adapters.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.ReplyCooldowns;

/** When each number last got an automatic reply, per channel. */
public final class InMemoryReplyCooldowns implements ReplyCooldowns {

    private record Key(Msisdn recipient, Channel channel) {
    }

    private final Map<Key, Instant> lastStarted = new HashMap<>();

    @Override
    public synchronized boolean tryStart(Msisdn recipient, Channel channel, Instant now, Duration period) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(period, "period");
        Key key = new Key(Objects.requireNonNull(recipient, "recipient"), Objects.requireNonNull(channel, "channel"));
        Instant last = lastStarted.get(key);
        if (last != null && last.isAfter(now.minus(period))) {
            return false;
        }
        lastStarted.put(key, now);
        return true;
    }

    /** Oldest first. */
    @Override
    public synchronized int purgeBefore(Instant cutoff, int limit) {
        Objects.requireNonNull(cutoff, "cutoff");
        Limits.requireNonNegative(limit);
        var expired = lastStarted.entrySet().stream()
                .filter(e -> e.getValue().isBefore(cutoff))
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
        expired.forEach(lastStarted::remove);
        return expired.size();
    }
}
