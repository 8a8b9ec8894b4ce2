package ke.invoiceiq.domain.due;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import ke.invoiceiq.domain.copy.DuePhrases;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.shared.Field;
import ke.invoiceiq.domain.shared.Parsed;

/**
 * Days as a Kenyan merchant counts them: in East Africa Time (Africa/Nairobi, UTC+3 all year, no daylight saving),
 * so 23:30 UTC is already the next day. A due date is a day, not an instant: an invoice due on the 15th is overdue
 * from the 16th, 00:00 in Nairobi.
 */
public final class DueDates {

    public static final ZoneId EAST_AFRICA = ZoneId.of("Africa/Nairobi");

    /** The furthest a due date may be from today: a year (a typo such as {@code 15/12/2062} is refused). */
    public static final int MAX_DAYS_AHEAD = 366;

    /** Merchant-facing errors are written in English until the merchant's language is known. */
    private static final Language MERCHANT_LANGUAGE = Language.EN;

    private static final List<String> MONTHS_EN =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
    private static final List<String> MONTHS_SW =
            List.of("Jan", "Feb", "Mac", "Apr", "Mei", "Jun", "Jul", "Ago", "Sep", "Okt", "Nov", "Des");

    private DueDates() {
    }

    /** The day it is in Nairobi at {@code now}. */
    public static LocalDate today(Instant now) {
        return now.atZone(EAST_AFRICA).toLocalDate();
    }

    /** {@code 15 Dec 2026} in English, {@code 15 Des 2026} in Swahili. */
    public static String format(LocalDate date, Language language) {
        List<String> months = language == Language.SW ? MONTHS_SW : MONTHS_EN;
        return date.getDayOfMonth() + " " + months.get(date.getMonthValue() - 1) + " " + date.getYear();
    }

    /**
     * A due date the merchant gave (from any of the command, the guided flow or the API), checked against today:
     * today or later, and at most {@link #MAX_DAYS_AHEAD} days ahead.
     */
    public static Parsed<LocalDate> check(LocalDate date, LocalDate today) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(today, "today");
        if (date.isBefore(today)) {
            return Parsed.rejected(Field.DUE_DATE, DuePhrases.DUE_DATE_PAST.in(MERCHANT_LANGUAGE)
                    .with("date", format(date, MERCHANT_LANGUAGE)).text());
        }
        if (ChronoUnit.DAYS.between(today, date) > MAX_DAYS_AHEAD) {
            return Parsed.rejected(Field.DUE_DATE, DuePhrases.DUE_DATE_TOO_FAR.in(MERCHANT_LANGUAGE)
                    .with("date", format(date, MERCHANT_LANGUAGE)).with("days", MAX_DAYS_AHEAD).text());
        }
        return Parsed.ok(date);
    }

    /**
     * Overdue: the due date has passed in Nairobi and the invoice is still open (not paid, not cancelled).
     * Derived, never stored.
     */
    public static boolean isOverdue(Invoice invoice, Instant now) {
        return invoice.isPayable() && invoice.dueDate().filter(due -> due.isBefore(today(now))).isPresent();
    }

    static String invalidMessage() {
        return DuePhrases.DUE_DATE_INVALID.in(MERCHANT_LANGUAGE).text();
    }
}
