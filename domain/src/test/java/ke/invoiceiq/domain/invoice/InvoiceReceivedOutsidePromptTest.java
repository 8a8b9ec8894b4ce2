package ke.invoiceiq.domain.invoice;

import static ke.invoiceiq.domain.invoice.InvoiceFixtures.ID;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.NOW;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.RECEIPT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.invoiceIn;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.kes;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.CANCELLED;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.FAILED;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.PAID;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.PENDING;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.payment.C2bPayment;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentEvent;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentStatus;
import ke.invoiceiq.domain.shared.DomainEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Money paid to the Paybill from the M-PESA menu (C2B) for an invoice: a payment of its own under the same money
 * rules as an STK result, its TransID the receipt, counted once.
 */
class InvoiceReceivedOutsidePromptTest {

    private static final PaymentId C2B = new PaymentId("pay-c2b");
    private static final MpesaReceipt TRANS_ID = new MpesaReceipt("QKL3MN4OP5");
    private static final IdempotencyKey KEY = new IdempotencyKey("c2b:" + TRANS_ID.value());
    private static final Instant PAID_ON_PHONE = NOW.minusSeconds(120);

    private static C2bPayment paybill(long shillings, MpesaReceipt transId) {
        return new C2bPayment(transId, C2bPayment.Kind.PAYBILL, Money.ofShillings(shillings), PAID_ON_PHONE, "600100",
                Optional.of("inv 7k3q9x"), PAID_ON_PHONE.plusSeconds(1));
    }

    record Row(InvoiceStatus from, long amount, Class<? extends Settlement> settlement, InvoiceStatus to, long paid,
            List<Class<? extends DomainEvent>> events) {
        @Override
        public String toString() {
            return from + " + KES " + amount + " by Paybill -> " + settlement.getSimpleName() + " " + to;
        }
    }

    static List<Row> table() {
        var paid = List.<Class<? extends DomainEvent>>of(PaymentEvent.Succeeded.class, InvoiceEvent.Paid.class);
        return List.of(
                new Row(PENDING, 2_500, Settlement.Paid.class, PAID, 2_500, paid),
                new Row(SENT, 2_500, Settlement.Paid.class, PAID, 2_500, paid),
                new Row(FAILED, 2_500, Settlement.Paid.class, PAID, 2_500, paid),
                new Row(SENT, 3_000, Settlement.Paid.class, PAID, 3_000, paid),
                new Row(SENT, 1_000, Settlement.PartlyPaid.class, SENT, 1_000,
                        List.of(PaymentEvent.Succeeded.class, InvoiceEvent.PartPaymentReceived.class)),
                new Row(CANCELLED, 2_500, Settlement.Paid.class, PAID, 2_500,
                        List.of(PaymentEvent.Succeeded.class, InvoiceEvent.PaidAfterCancellation.class)),
                new Row(CANCELLED, 1_000, Settlement.ReceivedWhileCancelled.class, CANCELLED, 1_000,
                        List.of(PaymentEvent.Succeeded.class)),
                new Row(PAID, 2_500, Settlement.DoublePayment.class, PAID, 5_000,
                        List.of(PaymentEvent.Succeeded.class, InvoiceEvent.DoublePaymentReceived.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void givenInvoice_whenPaidByPaybill_thenTheMoneyRulesOfAnStkResultApply(Row row) {
        Invoice before = invoiceIn(row.from());

        Settlement settlement = before.receivedOutsidePrompt(paybill(row.amount(), TRANS_ID), C2B, KEY, NOW);

        assertThat(settlement).isExactlyInstanceOf(row.settlement());
        assertThat(settlement.invoice().status()).isEqualTo(row.to());
        assertThat(settlement.invoice().paid()).isEqualTo(kes(row.paid()));
        assertThat(settlement.events()).extracting(Object::getClass).containsExactlyElementsOf(row.events());
        assertThat(settlement.events()).first().isEqualTo(new PaymentEvent.Succeeded(ID, C2B, NOW));
    }

    @Test
    void givenAPaybillPayment_whenRecorded_thenItIsASuccessWithTheTransIdAsReceiptAndNoPromptNames() {
        Settlement settlement = invoiceIn(SENT).receivedOutsidePrompt(paybill(2_500, TRANS_ID), C2B, KEY, NOW);

        Payment payment = settlement.invoice().payment(C2B).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(payment.receipt()).contains(TRANS_ID);
        assertThat(payment.transactionTime()).contains(PAID_ON_PHONE);
        assertThat(payment.checkoutRequestId()).isEmpty();
        assertThat(payment.merchantRequestId()).isEmpty();
        assertThat(settlement.invoice().receipt()).contains(TRANS_ID);
    }

    @Test
    void givenTheSameTransIdAgain_whenRecorded_thenNothingChanges() {
        Invoice once = invoiceIn(SENT).receivedOutsidePrompt(paybill(1_000, TRANS_ID), C2B, KEY, NOW).invoice();

        Settlement again = once.receivedOutsidePrompt(paybill(1_000, TRANS_ID), new PaymentId("pay-c2b-2"),
                new IdempotencyKey("c2b:other"), NOW);

        assertThat(again).isEqualTo(new Settlement.Unchanged(once));
    }

    @Test
    void givenAReceiptAnStkPromptAlreadyRecorded_whenTheSameTransIdComesByC2b_thenNothingChanges() {
        Invoice paid = invoiceIn(PAID);

        Settlement again = paid.receivedOutsidePrompt(paybill(2_500, RECEIPT), C2B, KEY, NOW);

        assertThat(again).isInstanceOf(Settlement.Unchanged.class);
    }
}
