package ke.invoiceiq.adapters.memory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Pacing;
import ke.invoiceiq.domain.messaging.SendSlots;

/**
 * Send slots as a map from key to the end of the slot (and, for the number's second, the sends taken in it). The
 * keys are those of the PostgreSQL adapter: {@code to:<number>} per recipient, {@code number} for the throughput,
 * {@code once:<key>} for the once-per-period claims.
 */
public final class InMemorySendSlots implements SendSlots {

    static final String NUMBER = "number";

    private record Slot(Instant busyUntil, int taken) {
    }

    private final Map<String, Slot> slots = new HashMap<>();

    @Override
    public synchronized Optional<Duration> tryTake(Msisdn recipient, Instant now, Pacing pacing) {
        Objects.requireNonNull(now, "now");
        String pair = "to:" + recipient.value();
        Instant pairUntil = now.plus(pacing.pairInterval());
        Slot recipientSlot = slots.get(pair);
        if (busy(recipientSlot, now, pairUntil)) {
            return Optional.of(Duration.between(now, recipientSlot.busyUntil()));
        }
        Instant windowEnd = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Slot second = slots.get(NUMBER);
        boolean sameSecond = busy(second, now, windowEnd);
        if (sameSecond && second.taken() >= pacing.perSecond()) {
            return Optional.of(Duration.between(now, second.busyUntil()));
        }
        slots.put(NUMBER, sameSecond ? new Slot(second.busyUntil(), second.taken() + 1) : new Slot(windowEnd, 1));
        slots.put(pair, new Slot(pairUntil, 1));
        return Optional.empty();
    }

    @Override
    public synchronized void sentAt(Msisdn recipient, Instant acceptedAt, Pacing pacing) {
        String pair = "to:" + recipient.value();
        Instant until = acceptedAt.plus(pacing.pairInterval());
        Slot slot = slots.get(pair);
        if (slot == null || slot.busyUntil().isBefore(until)) {
            slots.put(pair, new Slot(until, 1));
        }
    }

    @Override
    public synchronized boolean tryOnce(String key, Instant now, Duration period) {
        String once = "once:" + Objects.requireNonNull(key, "key");
        Instant until = now.plus(period);
        if (busy(slots.get(once), now, until)) {
            return false;
        }
        slots.put(once, new Slot(until, 1));
        return true;
    }

    @Override
    public synchronized int purgeExpired(Instant now, int limit) {
        Limits.requireNonNegative(limit);
        var expired = slots.entrySet().stream()
                .filter(e -> !e.getValue().busyUntil().isAfter(now))
                .map(Map.Entry::getKey)
                .limit(limit)
                .toList();
        expired.forEach(slots::remove);
        return expired.size();
    }

    /** Busy after {@code now}, and not far beyond the longest it could be (else a clock far ahead took it). */
    private static boolean busy(Slot slot, Instant now, Instant latest) {
        return slot != null && slot.busyUntil().isAfter(now)
                && !slot.busyUntil().isAfter(latest.plus(CLOCK_SKEW));
    }
}
