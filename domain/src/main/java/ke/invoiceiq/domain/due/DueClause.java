package ke.invoiceiq.domain.due;

import java.time.DayOfWeek;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;
import java.util.OptionalInt;
import ke.invoiceiq.domain.shared.Field;
import ke.invoiceiq.domain.shared.Parsed;

/**
 * A due date as the merchant typed it, before it is read against a day: {@code 15 Dec}, {@code friday},
 * {@code in 7 days}. {@link #resolve} turns it into a day, given today in Nairobi ({@link DueDates#today}).
 */
public sealed interface DueClause {

    /** The day this clause names when typed on {@code today}; a day that has passed is refused. */
    Parsed<LocalDate> resolve(LocalDate today);

    /**
     * A day of a month, with or without its year. Without a year it is the next such day from today on: {@code 2 Jan}
     * typed on 30 December is January of next year, {@code 29 Feb} the next leap year's.
     */
    record OnDay(MonthDay day, OptionalInt year) implements DueClause {
        public OnDay {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(year, "year");
        }

        @Override
        public Parsed<LocalDate> resolve(LocalDate today) {
            if (year.isPresent()) {
                try {
                    return DueDates.check(LocalDate.of(year.getAsInt(), day.getMonth(), day.getDayOfMonth()), today);
                } catch (DateTimeException e) {
                    return Parsed.rejected(Field.DUE_DATE, DueDates.invalidMessage());
                }
            }
            for (int y = today.getYear(); y <= today.getYear() + 4; y++) {
                if (day.isValidYear(y) && !day.atYear(y).isBefore(today)) {
                    return DueDates.check(day.atYear(y), today);
                }
            }
            return Parsed.rejected(Field.DUE_DATE, DueDates.invalidMessage());
        }
    }

    /** The next such weekday after today: {@code friday} typed on a Friday is a week away. */
    record OnWeekday(DayOfWeek weekday) implements DueClause {
        public OnWeekday {
            Objects.requireNonNull(weekday, "weekday");
        }

        @Override
        public Parsed<LocalDate> resolve(LocalDate today) {
            int ahead = (weekday.getValue() - today.getDayOfWeek().getValue() + 7) % 7;
            return Parsed.ok(today.plusDays(ahead == 0 ? 7 : ahead));
        }
    }

    /** {@code in 7 days}, {@code tomorrow} (1), {@code today} (0), {@code in 2 weeks} (14). */
    record InDays(int days) implements DueClause {
        public InDays {
            if (days < 0) {
                throw new IllegalArgumentException("days < 0");
            }
        }

        @Override
        public Parsed<LocalDate> resolve(LocalDate today) {
            return DueDates.check(today.plusDays(Math.min(days, DueDates.MAX_DAYS_AHEAD + 1)), today);
        }
    }
}
