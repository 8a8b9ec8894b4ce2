package ke.invoiceiq.bootstrap.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.due.DueDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The due-date jobs as production schedules them ({@code DueJobs}), which the test profile turns off for every other
 * class: here they tick by themselves, every second after their start-up delay, and nothing calls the use cases. The
 * rules they apply are {@link DueRemindersAcceptanceTest}'s; this class shows only that the schedule runs them.
 */
@QuarkusTest
@TestProfile(DueJobsScheduledTest.JobsOn.class)
@WithTestResource(GraphApiWireMock.class)
@WithTestResource(DarajaWireMock.class)
@WithTestResource(AfricasTalkingWireMock.class)
class DueJobsScheduledTest extends AcceptanceBase {

    /** {@link DueRemindersProfile} with both due-date jobs on, as in production but ticking every second. */
    public static final class JobsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(new DueRemindersProfile().getConfigOverrides());
            config.put("invoiceiq.jobs.due-reminders-every", "1s");
            config.put("invoiceiq.jobs.daily-summary-every", "1s");
            return config;
        }
    }

    /** The jobs wait 30 s after the start before their first tick (DueJobs), then tick every second. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Inject
    Scheduler scheduler;

    /**
     * Before the clock goes back (AcceptanceBase): the jobs stop, and what they queued is sent, so no reminder or
     * summary of this class's moved clock waits in the shared outbox for a later class's conversation.
     */
    @AfterEach
    void stopTheJobsAndSendWhatTheyQueued() {
        scheduler.pause("due-reminders");
        scheduler.pause("daily-summary");
        sleep(Duration.ofMillis(1_500));
        chat.dispatch();
    }

    @Test
    void givenTheJobsOn_whenTheClockReachesTheDueDayAfterTheSummaryHour_thenTheReminderAndTheSummaryGoOutByThemselves() {
        Msisdn customer = Customers.fresh();
        String invoice = sentInvoice(customer, "2500 Window cleaning due tomorrow");
        LocalDate due = DueDates.today(clock.instant()).plusDays(1);
        String summaryOfThatDay = "once:daily-summary:" + due;
        db.column("DELETE FROM send_slots WHERE key = ? RETURNING key", summaryOfThatDay);

        moveTo(due, LocalTime.of(19, 30));

        waitFor("the scheduled reminder", () -> remindersTo(customer) == 1);
        waitFor("the scheduled daily summary", () -> db.count("SELECT count(*) FROM send_slots WHERE key = ?",
                summaryOfThatDay) == 1);
        assertThat(db.column("SELECT reminder_count::text FROM invoices WHERE id = ?", invoice)).containsExactly("1");
        sleepAFewTicks();
        assertThat(remindersTo(customer)).as("the same step is not sent again on the next ticks").isEqualTo(1);
    }

    private long remindersTo(Msisdn customer) {
        return db.count("SELECT count(*) FROM outbox WHERE recipient_msisdn = ? AND purpose = 'REMINDER'",
                customer.value());
    }

    private void moveTo(LocalDate day, LocalTime time) {
        Instant target = day.atTime(time).atZone(DueDates.EAST_AFRICA).toInstant();
        Duration ahead = Duration.between(clock.instant(), target);
        assertThat(ahead).as("the clock only moves forward").isPositive();
        clock.advance(ahead);
    }

    private static void waitFor(String what, BooleanSupplier done) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for %s", what).isBefore(giveUp);
            sleep(Duration.ofMillis(250));
        }
    }

    private static void sleepAFewTicks() {
        sleep(Duration.ofSeconds(3));
    }

    private static void sleep(Duration how) {
        try {
            Thread.sleep(how);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
