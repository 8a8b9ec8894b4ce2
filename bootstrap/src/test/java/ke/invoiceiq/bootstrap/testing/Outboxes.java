package ke.invoiceiq.bootstrap.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import ke.invoiceiq.application.messaging.DispatchOutboxUseCase;

/**
 * Draining the outbox in a test, as the scheduled dispatcher would over a few seconds: a message to someone who was
 * just messaged waits for their turn (the tests' pair interval, 1 s), so the test dispatches again once it is due,
 * in real time, instead of switching the pacing off.
 */
public final class Outboxes {

    /** Messages due within this much of the test clock are waited for; later ones (backoffs, leases) are not. */
    public static final Duration HORIZON = Duration.ofSeconds(2);
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final long POLL_MILLIS = 50;

    private Outboxes() {
    }

    /**
     * Clears what earlier test classes left in the shared database for this one: messages they queued and never
     * dispatched (their dispatcher was off) are marked FAILED, and the WhatsApp turns their clocks took are
     * forgotten. Otherwise a test's merchant notice would be coalesced with strangers' notices, or wait for a turn
     * another test's clock took.
     */
    public static void forgetEarlierTests(Database db) {
        db.column("UPDATE outbox SET status = 'FAILED', last_error = 'left by an earlier test', updated_at = now()"
                + " WHERE status IN ('PENDING', 'SENDING') RETURNING id");
        db.column("DELETE FROM send_slots WHERE key LIKE 'to:%' OR key = 'number' RETURNING key");
    }

    /** Dispatches until nothing is due now or within {@link #HORIZON}. */
    public static void drain(DispatchOutboxUseCase dispatcher, Database db, Clock clock) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            if (dispatcher.dispatch().claimed() > 0) {
                continue;
            }
            if (waiting(db, clock.instant().plus(HORIZON)) == 0) {
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the outbox did not drain within " + PATIENCE);
    }

    private static long waiting(Database db, Instant until) {
        return db.count("SELECT count(*) FROM outbox WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= ?",
                OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
    }
}
