package ke.invoiceiq.adapters.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Pacing;
import ke.invoiceiq.domain.messaging.SendSlots;
import ke.invoiceiq.domain.messaging.SendTurn;

/**
 * Send slots as a map from key to the end of the slot (for the number: when its next turn starts). The
 * keys are those of the PostgreSQL adapter: {@code to:<number>} per recipient, {@code number} for the throughput,
 * {@code once:<key>} for the once-per-period claims.
 */
public final class InMemorySendSlots implements SendSlots {

    static final String NUMBER = "number";

    private record Slot(Instant busyUntil, int taken) {
    }

    private final Map<String, Slot> slots = new HashMap<>();

    @Override
    public synchronized SendTurn tryTake(Msisdn recipient, Instant now, Pacing pacing) {
        Objects.requireNonNull(now, "now");
        String pair = "to:" + recipient.value();
        Duration spacing = pacing.numberSpacing();
        Slot recipientSlot = slots.get(pair);
        if (busy(recipientSlot, now, now.plus(pacing.pairInterval()).plus(NUMBER_TURNS_AHEAD))) {
            return new SendTurn.Paced(Duration.between(now, recipientSlot.busyUntil()));
        }
        Slot number = slots.get(NUMBER);
        boolean queued = number != null && number.busyUntil().isAfter(now)
                && !number.busyUntil().isAfter(now.plus(NUMBER_TURNS_AHEAD).plus(spacing).plus(NUMBER_CLOCK_SKEW));
        Instant turn = queued ? number.busyUntil() : now;
        if (queued && turn.isAfter(now.plus(NUMBER_TURNS_AHEAD))) {
            return new SendTurn.Throttled(Duration.between(now.plus(NUMBER_TURNS_AHEAD), turn));
        }
        slots.put(NUMBER, new Slot(turn.plus(spacing), 1));
        slots.put(pair, new Slot(turn.plus(pacing.pairInterval()), 1));
        return new SendTurn.Taken(Duration.between(now, turn));
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
