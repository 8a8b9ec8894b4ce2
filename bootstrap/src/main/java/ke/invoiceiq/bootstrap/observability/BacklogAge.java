package ke.invoiceiq.bootstrap.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The age a backlog gauge shows: seconds from when its oldest item arrived to now, 0 without one. Computed at the
 * scrape from the instant the last look found, so the age keeps growing between two looks (or while a look fails)
 * instead of standing still.
 */
final class BacklogAge {

    private BacklogAge() {
    }

    static double secondsSince(Optional<Instant> oldest, Clock clock) {
        return oldest
                .map(since -> Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0))
                .orElse(0.0);
    }
}
