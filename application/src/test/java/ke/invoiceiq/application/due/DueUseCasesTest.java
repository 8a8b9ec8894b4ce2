package ke.invoiceiq.application.due;

import static ke.invoiceiq.application.inbound.Wiring.CUSTOMER;
import static ke.invoiceiq.application.inbound.Wiring.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import ke.invoiceiq.application.inbound.InboundContent;
import ke.invoiceiq.application.inbound.Wiring;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.due.DueDates;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The due-date use cases over the in-memory ports, wired by Core as in production. */
class DueUseCasesTest {

    private final Wiring app = new Wiring();

    /** {@code day} at {@code time} in Nairobi. */
    private void at(LocalDate day, int hour) {
        app.ports.clock().set(day.atTime(LocalTime.of(hour, 0)).atZone(DueDates.EAST_AFRICA).toInstant());
    }

    @Test
    void givenNoDueDate_whenInvoiced_thenTheDefaultTermsOfSevenDaysApply() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");

        assertThat(invoice.dueDate()).contains(DueDates.today(invoice.createdAt()).plusDays(7));
    }

    @Test
    void givenAnInvoiceDue_whenTheJobTicks_thenOneReminderAt0800AndNoneAfterStop() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        LocalDate due = invoice.dueDate().orElseThrow();
        SendDueRemindersUseCase reminders = app.core.sendDueReminders();

        at(due, 7);
        assertThat(reminders.send().reminded()).isZero();
        at(due, 8);
        assertThat(reminders.send().reminded()).isEqualTo(1);
        assertThat(reminders.send().reminded()).isZero();
        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.REMINDER)).singleElement()
                .satisfies(m -> assertThat(m.content().text()).startsWith("Reminder: ").contains("Due: "));

        app.sms(CUSTOMER, "Stop.");
        assertThat(app.ports.customers().remindersStopped(CUSTOMER)).isTrue();
        at(due.plusDays(3), 9);
        assertThat(reminders.send().reminded()).isZero();
        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.REMINDER)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", "Acha", "ACHA!", " stop "})
    void givenAStopWord_whenRead_thenItIsAStop(String text) {
        assertThat(ReminderOptOuts.read(new InboundContent.Text(text))).get()
                .extracting(ReminderOptOuts.Said::wish).isEqualTo(ReminderOptOuts.Wish.STOP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stop sending", "PAY INV-7K3Q9X", "acha hiyo", "", "start now"})
    void givenOtherWords_whenRead_thenNoWish(String text) {
        assertThat(ReminderOptOuts.read(new InboundContent.Text(text))).isEmpty();
    }

    @Test
    void givenAnAchaThenAnAnza_whenRead_thenAnsweredInSwahili() {
        assertThat(ReminderOptOuts.read(new InboundContent.Text("anza"))).contains(
                new ReminderOptOuts.Said(ReminderOptOuts.Wish.START, Language.SW));
    }

    @Test
    void givenTheSummaryHour_whenTheJobTicksTwice_thenOneSummaryWithTheDaysNumbers() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        app.paid(invoice, "QK12ABC345");
        Instant created = invoice.createdAt();
        SendDailySummaryUseCase summary = app.core.sendDailySummary();

        at(DueDates.today(created), 18);
        assertThat(summary.send()).isFalse();
        at(DueDates.today(created), 19);
        assertThat(summary.send()).isTrue();
        assertThat(summary.send()).isFalse();

        assertThat(app.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).anySatisfy(m ->
                assertThat(m.content().text()).isEqualTo("Today at Wanjiru Cleaners: 1 invoices issued, 1 paid,"
                        + " KES 2,500 collected.\nOverdue: 0 invoices, KES 0 outstanding."));
        assertThat(app.core.overdueNumbers().overdue()).isEqualTo(new OverdueNumbers(0,
                ke.invoiceiq.domain.invoice.Money.ZERO));
    }
}
