package ke.invoiceiq.bootstrap.testing;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests: real UTC time, plus an offset a test may move forward (a lease running out,
 * a session going quiet) and must put back with {@link #reset()}. Replaces the wall clock, a default bean.
 *
 * <p>Putting it back also forgets the WhatsApp turns taken while it ran ahead: a turn up to a minute ahead of the
 * real clock still holds (SendSlots.CLOCK_SKEW), so otherwise the next test class to message the merchant, or to
 * count the number's sends in a second, would wait for a moment only the earlier test's clock had reached, and
 * pass or fail by the order the classes ran in.
 */
@Singleton
public class TestClock extends Clock {

    /** Further ahead than any turn taken on the real clock (the tests' pair interval is 1 s). */
    private static final Duration AHEAD_OF_REAL_TIME = Duration.ofSeconds(3);

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Inject
    Instance<Database> database;

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    public void reset() {
        Duration was = offset.getAndSet(Duration.ZERO);
        if (was.isPositive()) {
            database.get().column("DELETE FROM send_slots WHERE (key LIKE 'to:%' OR key = 'number') AND busy_until > ?"
                    + " RETURNING key", OffsetDateTime.ofInstant(Instant.now().plus(AHEAD_OF_REAL_TIME), ZoneOffset.UTC));
        }
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application's clock stays in UTC");
    }
}
