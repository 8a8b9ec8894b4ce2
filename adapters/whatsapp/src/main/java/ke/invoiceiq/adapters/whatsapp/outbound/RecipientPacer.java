package ke.invoiceiq.adapters.whatsapp.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most one message per recipient per interval (Meta's pair rate limit, 131056: about one message every 6 s to
 * the same user, PROVIDERS.md §A.8). It never sleeps: a recipient messaged too recently gets the time left, and
 * the caller answers "retry later" without calling the API.
 *
 * <p>Bounded: an entry older than the interval means nothing any more, so entries are swept once the map grows past
 * {@value #SWEEP_ABOVE} (at 80 messages a second and 6 s, about 480 entries are ever live).
 */
final class RecipientPacer {

    static final int SWEEP_ABOVE = 1024;

    private final Duration interval;
    private final Map<String, Instant> lastSend = new ConcurrentHashMap<>();
    private final AtomicInteger sinceSweep = new AtomicInteger();

    RecipientPacer(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("the pair interval must not be negative");
        }
        this.interval = interval;
    }

    Duration interval() {
        return interval;
    }

    /**
     * Takes this recipient's turn at {@code now}: empty when it may be messaged (and the turn is now taken), or the
     * time left until it may.
     */
    Optional<Duration> tryAcquire(String recipient, Instant now) {
        if (interval.isZero()) {
            return Optional.empty();
        }
        sweepIfLarge(now);
        Duration[] wait = {null};
        lastSend.compute(recipient, (key, last) -> {
            if (last != null) {
                Instant next = last.plus(interval);
                if (now.isBefore(next)) {
                    wait[0] = Duration.between(now, next);
                    return last;
                }
            }
            return now;
        });
        return Optional.ofNullable(wait[0]);
    }

    /** Gives the turn taken at {@code takenAt} back, when the message never left (open breaker, rate limit). */
    void release(String recipient, Instant takenAt) {
        lastSend.remove(recipient, takenAt);
    }

    int size() {
        return lastSend.size();
    }

    private void sweepIfLarge(Instant now) {
        if (lastSend.size() > SWEEP_ABOVE && sinceSweep.incrementAndGet() >= 64) {
            sinceSweep.set(0);
            Instant expired = now.minus(interval);
            lastSend.values().removeIf(last -> !last.isAfter(expired));
        }
    }
}
