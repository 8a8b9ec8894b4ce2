package ke.invoiceiq.domain.due;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.due.ReminderSchedule.Decision;
import ke.invoiceiq.domain.due.ReminderSchedule.Skip;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.PaidOutside;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.invoice.ReminderPolicy;
import ke.invoiceiq.domain.messaging.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The automatic reminder rule as a table: on the due date, 3 and 7 days after, 08:00–20:00 in Nairobi (UTC+3), each
 * step once, never past the manual limit, never to an invoice that is paid, cancelled or never arrived, never to a
 * customer who said STOP.
 */
class ReminderScheduleTest {

    private static final ReminderSchedule SCHEDULE = ReminderSchedule.DEFAULT;
    private static final ReminderPolicy POLICY = ReminderPolicy.DEFAULT;
    private static final LocalDate DUE = LocalDate.of(2026, 12, 10);

    /** {@code day} December 2026 at {@code hh:mm} in Nairobi. */
    private static Instant eat(int day, int hour, int minute) {
        return LocalDate.of(2026, 12, day).atTime(hour, minute).atZone(DueDates.EAST_AFRICA).toInstant();
    }

    /** Issued and delivered on 7 December at 09:00 in Nairobi, due on the 10th. */
    private static Invoice sent(Optional<LocalDate> due) {
        Invoice issued = Invoice.issue(new InvoiceId("INV-7K3Q9X"),
                Customer.of(new Msisdn("254712345678")), Amount.ofShillings(2_500), new Description("Cleaning"),
                new PayToken("q7Zt4mX2bN9vR1kL5sD8wY3h"), eat(7, 9, 0), due, Language.EN);
        return issued.sendAccepted(Channel.WHATSAPP, eat(7, 9, 0)).invoice();
    }

    private static Invoice sent() {
        return sent(Optional.of(DUE));
    }

    private static Invoice remindedAt(Invoice invoice, Instant... times) {
        Invoice next = invoice;
        for (Instant at : times) {
            next = next.remind(POLICY, at).invoice();
        }
        return next;
    }

    static Stream<Arguments> table() {
        return Stream.of(
                argumentSet("due day, 07:59: quiet hours", sent(), false, eat(10, 7, 59),
                        new Decision.Wait(Skip.QUIET_HOURS)),
                argumentSet("due day, 06:00: quiet hours", sent(), false, eat(10, 6, 0),
                        new Decision.Wait(Skip.QUIET_HOURS)),
                argumentSet("due day, 08:00: the first step", sent(), false, eat(10, 8, 0),
                        new Decision.Send(0, DUE)),
                argumentSet("due day, 19:59: still the first step", sent(), false, eat(10, 19, 59),
                        new Decision.Send(0, DUE)),
                argumentSet("due day, 20:00: quiet hours", sent(), false, eat(10, 20, 0),
                        new Decision.Wait(Skip.QUIET_HOURS)),
                argumentSet("the day before the due date", sent(), false, eat(9, 10, 0),
                        new Decision.Wait(Skip.NOT_DUE_YET)),
                argumentSet("2 days after, the first step never went: sent late", sent(), false, eat(12, 10, 0),
                        new Decision.Send(0, DUE)),
                argumentSet("reminded this morning: not twice", remindedAt(sent(), eat(10, 8, 0)), false,
                        eat(10, 15, 0), new Decision.Wait(Skip.STEP_DONE)),
                argumentSet("reminded on the due day, 2 days later: between steps",
                        remindedAt(sent(), eat(10, 8, 0)), false, eat(12, 10, 0), new Decision.Wait(Skip.STEP_DONE)),
                argumentSet("3 days after: the second step", remindedAt(sent(), eat(10, 8, 0)), false,
                        eat(13, 8, 0), new Decision.Send(1, DUE.plusDays(3))),
                argumentSet("7 days after: the third step", remindedAt(sent(), eat(10, 8, 0), eat(13, 8, 0)), false,
                        eat(17, 9, 0), new Decision.Send(2, DUE.plusDays(7))),
                argumentSet("after the last step: nothing more",
                        remindedAt(sent(), eat(10, 8, 0), eat(13, 8, 0), eat(17, 9, 0)), false, eat(25, 10, 0),
                        new Decision.Wait(Skip.STEP_DONE)),
                argumentSet("two steps missed: only the latest, once", remindedAt(sent(), eat(10, 8, 0)), false,
                        eat(18, 10, 0), new Decision.Send(2, DUE.plusDays(7))),
                argumentSet("a manual remind at 07:00 on a step's day counts for it",
                        remindedAt(sent(), eat(10, 8, 0), eat(13, 7, 0)), false, eat(13, 9, 0),
                        new Decision.Wait(Skip.STEP_DONE)),
                argumentSet("sent on its due day: no reminder the same day", sentOnDueDay(), false, eat(10, 15, 0),
                        new Decision.Wait(Skip.STEP_DONE)),
                argumentSet("the customer said STOP", sent(), true, eat(10, 9, 0), new Decision.Wait(Skip.OPTED_OUT)),
                argumentSet("PAID", sent().markPaidOutside(PaidOutside.Method.CASH, "at the counter", eat(9, 9, 0)).invoice(),
                        false, eat(10, 9, 0), new Decision.Wait(Skip.NOT_OPEN)),
                argumentSet("CANCELLED", sent().cancel(eat(9, 9, 0)).invoice(), false, eat(10, 9, 0),
                        new Decision.Wait(Skip.NOT_OPEN)),
                argumentSet("never delivered (PENDING)", pending(), false, eat(10, 9, 0),
                        new Decision.Wait(Skip.NOT_OPEN)),
                argumentSet("no due date", sent(Optional.empty()), false, eat(10, 9, 0),
                        new Decision.Wait(Skip.NO_DUE_DATE)),
                argumentSet("the manual limit (5) used up by hand: no more",
                        remindedAt(sent(), eat(8, 9, 0), eat(8, 11, 0), eat(8, 13, 0), eat(8, 15, 0), eat(8, 17, 0)),
                        false, eat(10, 9, 0), new Decision.Wait(Skip.LIMIT_REACHED)));
    }

    private static Invoice sentOnDueDay() {
        Invoice issued = Invoice.issue(new InvoiceId("INV-7K3Q9X"), Customer.of(new Msisdn("254712345678")),
                Amount.ofShillings(2_500), new Description("Cleaning"), new PayToken("q7Zt4mX2bN9vR1kL5sD8wY3h"),
                eat(10, 9, 0), Optional.of(DUE), Language.EN);
        return issued.sendAccepted(Channel.SMS, eat(10, 9, 1)).invoice();
    }

    private static Invoice pending() {
        return Invoice.issue(new InvoiceId("INV-7K3Q9X"), Customer.of(new Msisdn("254712345678")),
                Amount.ofShillings(2_500), new Description("Cleaning"), new PayToken("q7Zt4mX2bN9vR1kL5sD8wY3h"),
                eat(7, 9, 0), Optional.of(DUE), Language.EN);
    }

    @ParameterizedTest
    @MethodSource("table")
    void givenAnInvoiceAndATime_whenTheScheduleDecides_thenItSendsOrWaitsForTheRightReason(Invoice invoice,
            boolean optedOut, Instant now, Decision expected) {
        assertThat(SCHEDULE.decide(invoice, optedOut, POLICY, now)).isEqualTo(expected);
    }

    @Test
    void givenTheDefaultSchedule_whenTheWholeWeekIsWalkedHourByHour_thenExactlyThreeRemindersAt0800() {
        Invoice invoice = sent();
        List<Instant> sentAt = new java.util.ArrayList<>();
        for (Instant now = eat(7, 10, 0); now.isBefore(eat(31, 0, 0)); now = now.plus(Duration.ofMinutes(30))) {
            if (SCHEDULE.decide(invoice, false, POLICY, now) instanceof Decision.Send) {
                invoice = invoice.remind(POLICY, now).invoice();
                sentAt.add(now);
            }
        }
        assertThat(sentAt).containsExactly(eat(10, 8, 0), eat(13, 8, 0), eat(17, 8, 0));
        assertThat(invoice.reminderCount()).isEqualTo(3);
    }

    @Test
    void givenBadSettings_whenBuilt_thenRefused() {
        assertThatThrownBy(() -> new ReminderSchedule(List.of(), LocalTime.of(8, 0), LocalTime.of(20, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderSchedule(List.of(3, 0), LocalTime.of(8, 0), LocalTime.of(20, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderSchedule(List.of(-1), LocalTime.of(8, 0), LocalTime.of(20, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderSchedule(List.of(0), LocalTime.of(20, 0), LocalTime.of(8, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
