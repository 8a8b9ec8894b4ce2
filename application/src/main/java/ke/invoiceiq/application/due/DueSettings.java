package ke.invoiceiq.application.due;

import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.due.ReminderSchedule;

/**
 * Due dates and what runs on them.
 *
 * @param defaultTermsDays an invoice given no due date is due this many days after it is issued (in Nairobi); 0 gives
 *                         such an invoice no due date, and so no automatic reminders
 * @param reminders        when automatic reminders go out
 * @param dailySummaryAt   when the merchant's daily summary is sent, in Nairobi; empty sends none
 * @param batchSize        how many invoices one reminder run reads at a time
 */
public record DueSettings(int defaultTermsDays, ReminderSchedule reminders, Optional<LocalTime> dailySummaryAt,
        int batchSize) {

    public static final DueSettings DEFAULT =
            new DueSettings(7, ReminderSchedule.DEFAULT, Optional.of(LocalTime.of(19, 0)), 100);

    public DueSettings {
        Objects.requireNonNull(reminders, "reminders");
        Objects.requireNonNull(dailySummaryAt, "dailySummaryAt");
        if (defaultTermsDays < 0 || defaultTermsDays > 365) {
            throw new IllegalArgumentException("default terms must be 0 to 365 days");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
    }
}
