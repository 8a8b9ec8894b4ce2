package ke.invoiceiq.domain.due;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.ReminderPolicy;

/**
 * When the service reminds a customer of its own accord: on the days {@code daysAfterDue} after the due date
 * (default: on the day, then 3 and 7 days after), and only between {@code sendFrom} and {@code sendUntil} in East
 * Africa Time (default 08:00 to 20:00).
 *
 * <p>The rule ({@link #decide}), pure so it can be a table:
 * <ul>
 * <li>only an invoice that reached its customer and is still open (SENT, part-paid included) with a due date is
 *     reminded; PAID, CANCELLED, an invoice not delivered yet (PENDING) or undeliverable (FAILED) is not;</li>
 * <li>never to a customer who replied STOP;</li>
 * <li>never beyond the manual limit ({@link ReminderPolicy#maxReminders()}): manual and automatic reminders share
 *     one count;</li>
 * <li>the step is the latest whose day has come; it is done once the invoice was sent or reminded on or after
 *     that day (in Nairobi), so no step is sent twice, a manual {@code remind} that day counts for it, and a step
 *     missed while the service was down is sent late, once, rather than with the steps before it.</li>
 * </ul>
 * Two instances that both decide to send lose one of their updates to the invoice's version; the loser reads the
 * invoice again and finds the step done.
 */
public record ReminderSchedule(List<Integer> daysAfterDue, LocalTime sendFrom, LocalTime sendUntil) {

    public static final ReminderSchedule DEFAULT =
            new ReminderSchedule(List.of(0, 3, 7), LocalTime.of(8, 0), LocalTime.of(20, 0));

    /** Why no reminder goes out now. */
    public enum Skip {
        NOT_OPEN, NO_DUE_DATE, OPTED_OUT, LIMIT_REACHED, QUIET_HOURS, NOT_DUE_YET, STEP_DONE
    }

    /** What {@link #decide} says. */
    public sealed interface Decision {
        /** Send step {@code step} (0-based), the one for {@code day}. */
        record Send(int step, LocalDate day) implements Decision {
        }

        record Wait(Skip why) implements Decision {
        }
    }

    public ReminderSchedule {
        Objects.requireNonNull(sendFrom, "sendFrom");
        Objects.requireNonNull(sendUntil, "sendUntil");
        daysAfterDue = List.copyOf(daysAfterDue);
        if (daysAfterDue.isEmpty()) {
            throw new IllegalArgumentException("a reminder schedule needs at least one day");
        }
        for (int i = 0; i < daysAfterDue.size(); i++) {
            if (daysAfterDue.get(i) < 0 || i > 0 && daysAfterDue.get(i) <= daysAfterDue.get(i - 1)) {
                throw new IllegalArgumentException("reminder days after the due date must be rising and not negative");
            }
        }
        if (!sendFrom.isBefore(sendUntil)) {
            throw new IllegalArgumentException("reminders need a sending window: from before until");
        }
    }

    /** Outside the hours reminders may go out, in Nairobi. */
    public boolean isQuiet(Instant now) {
        LocalTime time = now.atZone(DueDates.EAST_AFRICA).toLocalTime();
        return time.isBefore(sendFrom) || !time.isBefore(sendUntil);
    }

    /** The days of the steps for an invoice due on {@code due}. */
    public List<LocalDate> stepDays(LocalDate due) {
        List<LocalDate> days = new ArrayList<>();
        for (int offset : daysAfterDue) {
            days.add(due.plusDays(offset));
        }
        return days;
    }

    public Decision decide(Invoice invoice, boolean optedOut, ReminderPolicy policy, Instant now) {
        if (invoice.status() != InvoiceStatus.SENT) {
            return new Decision.Wait(Skip.NOT_OPEN);
        }
        if (invoice.dueDate().isEmpty()) {
            return new Decision.Wait(Skip.NO_DUE_DATE);
        }
        if (optedOut) {
            return new Decision.Wait(Skip.OPTED_OUT);
        }
        if (invoice.reminderCount() >= policy.maxReminders()) {
            return new Decision.Wait(Skip.LIMIT_REACHED);
        }
        if (isQuiet(now)) {
            return new Decision.Wait(Skip.QUIET_HOURS);
        }
        LocalDate today = DueDates.today(now);
        List<LocalDate> days = stepDays(invoice.dueDate().get());
        int step = -1;
        for (int i = 0; i < days.size(); i++) {
            if (!days.get(i).isAfter(today)) {
                step = i;
            }
        }
        if (step < 0) {
            return new Decision.Wait(Skip.NOT_DUE_YET);
        }
        LocalDate stepDay = days.get(step);
        Optional<Instant> last = latest(invoice.sentAt(), invoice.lastRemindedAt());
        if (last.map(DueDates::today).filter(day -> !day.isBefore(stepDay)).isPresent()) {
            return new Decision.Wait(Skip.STEP_DONE);
        }
        return new Decision.Send(step, stepDay);
    }

    private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }

    /** The instant the sending window opens on {@code day} in Nairobi. */
    public Instant opensOn(LocalDate day) {
        return ZonedDateTime.of(day, sendFrom, DueDates.EAST_AFRICA).toInstant();
    }
}
