package ke.invoiceiq.domain.invoice;

import java.time.Duration;
import java.util.Objects;

/** How often a merchant may nudge a customer about one invoice. */
public record ReminderPolicy(Duration minInterval, int maxReminders) {

    public static final ReminderPolicy DEFAULT = new ReminderPolicy(Duration.ofHours(1), 5);

    public ReminderPolicy {
        Objects.requireNonNull(minInterval, "minInterval");
        if (minInterval.isNegative() || maxReminders < 1) {
            throw new IllegalArgumentException("reminder policy needs a non-negative interval and at least one reminder");
        }
    }
}
