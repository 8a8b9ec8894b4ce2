package ke.invoiceiq.domain.invoice;

import static ke.invoiceiq.domain.invoice.InvoiceFixtures.IN_FLIGHT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.NOW;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.PAYING;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.POLICY;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.RECEIPT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.SENT_AT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.invoiceIn;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.kes;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.paidCallback;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.startedAndNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.InvoiceOutcome.Applied;
import ke.invoiceiq.domain.invoice.InvoiceOutcome.Refused;
import ke.invoiceiq.domain.invoice.PaidOutside.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** An operator records money that came outside M-PESA Express (cash, a bank transfer): every status, and part payments. */
class InvoiceMarkPaidOutsideTest {

    private static final String NOTE = "Cash at the shop, counted by Wanjiru";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "PENDING,   PAID",
            "SENT,      PAID",
            "FAILED,    PAID",
            "PAID,      ALREADY_PAID",
            "CANCELLED, CANCELLED"})
    void givenAnInvoiceInEachStatus_whenMarkedPaidOutside_thenItIsPaidOrRefused(InvoiceStatus status, String expected) {
        Invoice invoice = invoiceIn(status);

        InvoiceOutcome outcome = invoice.markPaidOutside(Method.CASH, NOTE, NOW);

        if (expected.equals("PAID")) {
            Invoice paid = ((Applied) outcome).invoice();
            assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
            assertThat(paid.paidAt()).contains(NOW);
            assertThat(paid.balance()).isEqualTo(Money.ZERO);
            assertThat(paid.paid()).as("M-PESA moved nothing").isEqualTo(Money.ZERO);
            assertThat(paid.paidOutside()).containsExactly(new PaidOutside(Method.CASH, kes(2_500), NOTE, NOW));
            assertThat(((Applied) outcome).event()).isInstanceOf(InvoiceEvent.Paid.class);
            assertThat(((InvoiceEvent.Paid) ((Applied) outcome).event()).receipt()).isEmpty();
        } else {
            assertThat(outcome).isEqualTo(new Refused(invoice, Refusal.valueOf(expected)));
        }
    }

    @Test
    void givenAPartPayment_whenMarkedPaidOutside_thenOnlyTheBalanceIsRecordedOutsideAndMpesaMoneyStays() {
        Invoice started = startedAndNamed(invoiceIn(InvoiceStatus.SENT), PAYING, SENT_AT.plusSeconds(60));
        Invoice partPaid = started.settle(PAYING, paidCallback(PAYING, "1000", RECEIPT, SENT_AT.plusSeconds(90)),
                POLICY, SENT_AT.plusSeconds(90)).invoice();
        assertThat(partPaid.balance()).isEqualTo(kes(1_500));

        Invoice paid = ((Applied) partPaid.markPaidOutside(Method.BANK_TRANSFER, "Equity transfer ref 88231", NOW))
                .invoice();

        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.paid()).isEqualTo(kes(1_000));
        assertThat(paid.paidOutside().getFirst().amount()).isEqualTo(kes(1_500));
        assertThat(paid.paidOutside().getFirst().method()).isEqualTo(Method.BANK_TRANSFER);
        assertThat(paid.balance()).isEqualTo(Money.ZERO);
        assertThat(paid.receipts()).containsExactly(RECEIPT);
    }

    @Test
    void givenAnStkPushInFlight_whenMarkedPaidOutside_thenItIsRefusedBecauseTheMoneyMayStillCome() {
        Invoice inFlight = startedAndNamed(invoiceIn(InvoiceStatus.SENT), IN_FLIGHT, SENT_AT.plusSeconds(60));

        assertThat(inFlight.markPaidOutside(Method.CASH, NOTE, NOW))
                .isEqualTo(new Refused(inFlight, Refusal.PAYMENT_IN_FLIGHT));
    }

    @Test
    void givenAnInvoiceMarkedPaidOutside_whenMpesaMoneyArrivesLate_thenItIsADoublePaymentToRefund() {
        Invoice started = startedAndNamed(invoiceIn(InvoiceStatus.SENT), PAYING, SENT_AT.plusSeconds(60));
        Invoice expired = started.giveUp(PAYING, SENT_AT.plus(Duration.ofMinutes(6))).invoice();
        Invoice paid = ((Applied) expired.markPaidOutside(Method.CASH, NOTE, NOW)).invoice();

        Settlement late = paid.settle(PAYING, paidCallback(PAYING, "2500", RECEIPT, NOW.plusSeconds(5)), POLICY,
                NOW.plusSeconds(5));

        assertThat(late).isInstanceOf(Settlement.DoublePayment.class);
        assertThat(late.invoice().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(late.invoice().paidOutside()).isEqualTo(paid.paidOutside());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", " padded", "padded ", "line\nbreak", "tab\there"})
    void givenANoteThatIsTooShortPaddedOrHasControlCharacters_whenRecorded_thenItIsRefused(String note) {
        assertThat(PaidOutside.isNote(note)).isFalse();
        assertThatThrownBy(() -> invoiceIn(InvoiceStatus.SENT).markPaidOutside(Method.CASH, note, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenANoteOfTheMaximumLength_whenRecorded_thenOneMoreIsRefused() {
        assertThat(PaidOutside.isNote("é".repeat(PaidOutside.MAX_NOTE))).isTrue();
        assertThat(PaidOutside.isNote("é".repeat(PaidOutside.MAX_NOTE + 1))).isFalse();
    }

    @Test
    void givenAnInvoiceNotPaidInFull_whenBuiltAsPaidWithoutOutsideMoney_thenTheInvariantStillHolds() {
        Invoice sent = invoiceIn(InvoiceStatus.SENT);
        Invoice paid = ((Applied) sent.markPaidOutside(Method.OTHER, NOTE, NOW)).invoice();

        assertThatThrownBy(() -> new Invoice(paid.id(), paid.customer(), paid.amount(), paid.description(),
                InvoiceStatus.PAID, paid.payToken(), paid.createdAt(), paid.sentAt(), paid.paidAt(),
                paid.cancelledAt(), paid.deliveryChannel(), paid.reminderCount(), paid.lastRemindedAt(),
                paid.payments(), java.util.List.of(), paid.version()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(paid.withVersion(9).paidOutside()).isEqualTo(paid.paidOutside());
    }

    // ---- several recordings, each with its amount -------------------------------------------------------------

    @ParameterizedTest(name = "SENT 2,500, recorded {0} → {1}, balance {2}")
    @CsvSource({
            "'500',          SENT,        2000, PartPaymentReceived",
            "'2499',         SENT,        1,    PartPaymentReceived",
            "'2500',         PAID,        0,    Paid",
            "'1000,1500',    PAID,        0,    Paid",
            "'1000,1000',    SENT,        500,  PartPaymentReceived",
            "'1,1,2498',     PAID,        0,    Paid"})
    void givenAmountsRecordedOneAfterAnother_whenTheyReachTheAmount_thenItIsPaidElsePartPaidWithTheBalance(
            String amounts, InvoiceStatus status, long balance, String lastEvent) {
        Invoice invoice = invoiceIn(InvoiceStatus.SENT);
        InvoiceOutcome last = null;
        for (String amount : amounts.split(",")) {
            last = invoice.markPaidOutside(Method.CASH, Optional.of(kes(Long.parseLong(amount))), NOTE, NOW);
            invoice = ((Applied) last).invoice();
        }

        assertThat(invoice.status()).isEqualTo(status);
        assertThat(invoice.balance()).isEqualTo(kes(balance));
        assertThat(invoice.paidOutside()).hasSize(amounts.split(",").length);
        assertThat(invoice.paidOutsideTotal()).isEqualTo(kes(2_500 - balance));
        assertThat(((Applied) last).event().getClass().getSimpleName()).isEqualTo(lastEvent);
        assertThat(invoice.paidAt().isPresent()).isEqualTo(status == InvoiceStatus.PAID);
    }

    @ParameterizedTest(name = "balance 2,500, recorded {0}")
    @ValueSource(longs = {2_501, 10_000, 250_000})
    void givenMoreThanTheBalance_whenRecorded_thenItIsRefusedAndNothingIsKept(long shillings) {
        Invoice invoice = invoiceIn(InvoiceStatus.SENT);

        assertThat(invoice.markPaidOutside(Method.BANK_TRANSFER, Optional.of(kes(shillings)), NOTE, NOW))
                .isEqualTo(new Refused(invoice, Refusal.MORE_THAN_BALANCE));
    }

    @Test
    void givenAPartRecordedAndAnMpesaPartPayment_whenTheRestIsRecorded_thenBothCountAndOnlyTheBalanceIsAccepted() {
        Invoice cash = ((Applied) invoiceIn(InvoiceStatus.SENT).markPaidOutside(Method.CASH,
                Optional.of(kes(500)), NOTE, SENT_AT.plusSeconds(30))).invoice();
        Invoice started = startedAndNamed(cash, PAYING, SENT_AT.plusSeconds(60));
        assertThat(started.payment(PAYING).orElseThrow().amount()).as("the prompt asks for the balance")
                .isEqualTo(Amount.ofShillings(2_000));
        Invoice both = started.settle(PAYING, paidCallback(PAYING, "1200", RECEIPT, SENT_AT.plusSeconds(90)),
                POLICY, SENT_AT.plusSeconds(90)).invoice();
        assertThat(both.balance()).isEqualTo(kes(800));

        assertThat(both.markPaidOutside(Method.CASH, Optional.of(kes(801)), NOTE, NOW))
                .isEqualTo(new Refused(both, Refusal.MORE_THAN_BALANCE));
        Invoice paid = ((Applied) both.markPaidOutside(Method.OTHER, Optional.of(kes(800)), NOTE, NOW)).invoice();

        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.paid()).isEqualTo(kes(1_200));
        assertThat(paid.paidOutside()).extracting(PaidOutside::method).containsExactly(Method.CASH, Method.OTHER);
        assertThat(paid.paidOutsideTotal()).isEqualTo(kes(1_300));
    }

    @ParameterizedTest(name = "{0} with an amount -> {1}")
    @CsvSource({
            "PAID,      ALREADY_PAID",
            "CANCELLED, CANCELLED"})
    void givenAPaidOrCancelledInvoice_whenAPartIsRecorded_thenItIsRefused(InvoiceStatus status, Refusal refusal) {
        Invoice invoice = invoiceIn(status);

        assertThat(invoice.markPaidOutside(Method.CASH, Optional.of(kes(100)), NOTE, NOW))
                .isEqualTo(new Refused(invoice, refusal));
    }

    @Test
    void givenAPartRecorded_whenAnStkPushIsInFlight_thenTheNextRecordingIsRefused() {
        Invoice cash = ((Applied) invoiceIn(InvoiceStatus.SENT).markPaidOutside(Method.CASH,
                Optional.of(kes(500)), NOTE, SENT_AT.plusSeconds(30))).invoice();
        Invoice inFlight = startedAndNamed(cash, IN_FLIGHT, SENT_AT.plusSeconds(60));

        assertThat(inFlight.markPaidOutside(Method.CASH, Optional.of(kes(100)), NOTE, NOW))
                .isEqualTo(new Refused(inFlight, Refusal.PAYMENT_IN_FLIGHT));
    }

    @Test
    void givenZero_whenRecorded_thenItIsRefusedAsAProgrammingError() {
        assertThatThrownBy(() -> invoiceIn(InvoiceStatus.SENT).markPaidOutside(Method.CASH,
                Optional.of(Money.ZERO), NOTE, NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
