package ke.invoiceiq.domain.invoice;

import static ke.invoiceiq.domain.invoice.InvoiceFixtures.CUSTOMER;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.ID;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.IN_FLIGHT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.NOW;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.OTHER_RECEIPT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.PAID_AT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.RECEIPT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.STRANGER;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.anInvoice;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.checkoutOf;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.invoiceIn;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.kes;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.CANCELLED;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.FAILED;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.PAID;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.PENDING;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentEvent;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.PaymentStatus;
import ke.invoiceiq.domain.payment.StkResult;
import ke.invoiceiq.domain.payment.UnmatchedPayment;
import ke.invoiceiq.domain.payment.UnmatchedPaymentId;
import ke.invoiceiq.domain.shared.DomainEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An operator applies money that matched no attempt to an invoice: it becomes a successful payment of its own and
 * follows the same money rules as any other; the same receipt or the same operator request never counts twice.
 */
class InvoiceApplyUnmatchedTest {

    private static final PaymentId APPLIED = new PaymentId("pay-applied");
    private static final IdempotencyKey OPERATOR_KEY = new IdempotencyKey("apply-um-1");
    private static final CheckoutRequestId STRAY = new CheckoutRequestId("ws_CO_stray");
    private static final MerchantRequestId STRAY_MERCHANT_REQUEST = new MerchantRequestId("mr-stray");
    private static final Instant PAID_BY_MPESA = NOW.minusSeconds(300);

    private static UnmatchedPayment unmatched(String amount, Optional<MpesaReceipt> receipt, CheckoutRequestId checkout,
            Optional<Msisdn> payer) {
        return UnmatchedPayment.raise(new UnmatchedPaymentId("um-1"), new PaymentResult(checkout,
                Optional.of(STRAY_MERCHANT_REQUEST), StkResult.of(0),
                Optional.ofNullable(amount).map(BigDecimal::new), receipt, Optional.of(PAID_BY_MPESA), payer,
                PAID_BY_MPESA.plusSeconds(2)));
    }

    private static UnmatchedPayment unmatched(String amount, MpesaReceipt receipt) {
        return unmatched(amount, Optional.of(receipt), STRAY, Optional.of(CUSTOMER.msisdn()));
    }

    /** What applying an amount does to an invoice in each status. */
    record Row(InvoiceStatus from, String amount, Class<? extends Settlement> settlement, InvoiceStatus to,
            long paid, List<Class<? extends DomainEvent>> events) {
        @Override
        public String toString() {
            return from + " + KES " + amount + " -> " + settlement.getSimpleName() + " " + to;
        }
    }

    static List<Row> table() {
        var paid = List.<Class<? extends DomainEvent>>of(PaymentEvent.Succeeded.class, InvoiceEvent.Paid.class);
        var part = List.<Class<? extends DomainEvent>>of(PaymentEvent.Succeeded.class,
                InvoiceEvent.PartPaymentReceived.class);
        return List.of(
                new Row(PENDING, "2500", Settlement.Paid.class, PAID, 2_500, paid),
                new Row(SENT, "2500", Settlement.Paid.class, PAID, 2_500, paid),
                new Row(FAILED, "3000", Settlement.Paid.class, PAID, 3_000, paid),
                new Row(SENT, "1000", Settlement.PartlyPaid.class, SENT, 1_000, part),
                new Row(CANCELLED, "2500", Settlement.Paid.class, PAID, 2_500,
                        List.of(PaymentEvent.Succeeded.class, InvoiceEvent.PaidAfterCancellation.class)),
                new Row(CANCELLED, "1000", Settlement.ReceivedWhileCancelled.class, CANCELLED, 1_000,
                        List.of(PaymentEvent.Succeeded.class)),
                new Row(PAID, "2500", Settlement.DoublePayment.class, PAID, 5_000,
                        List.of(PaymentEvent.Succeeded.class, InvoiceEvent.DoublePaymentReceived.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void givenInvoice_whenAnOperatorAppliesUnmatchedMoney_thenItIsAPaymentUnderTheMoneyRules(Row row) {
        Invoice before = invoiceIn(row.from());

        Settlement settlement = before.applyUnmatched(unmatched(row.amount(), OTHER_RECEIPT), APPLIED, OPERATOR_KEY,
                NOW);

        assertThat(settlement).isExactlyInstanceOf(row.settlement());
        assertThat(settlement.invoice().status()).isEqualTo(row.to());
        assertThat(settlement.invoice().paid()).isEqualTo(kes(row.paid()));
        assertThat(settlement.events()).extracting(Object::getClass).containsExactlyElementsOf(row.events());
        assertThat(settlement.events()).first().isEqualTo(new PaymentEvent.Succeeded(ID, APPLIED, NOW));
        assertThat(settlement.invoice().payments()).hasSize(before.payments().size() + 1);
    }

    @Test
    void givenUnmatchedMoney_whenApplied_thenANewSuccessfulPaymentCarriesWhatMpesaSaid() {
        Settlement settlement = invoiceIn(SENT).applyUnmatched(unmatched("2500", RECEIPT), APPLIED, OPERATOR_KEY,
                NOW);

        Payment payment = settlement.invoice().payment(APPLIED).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(payment.idempotencyKey()).isEqualTo(OPERATOR_KEY);
        assertThat(payment.received()).contains(kes(2_500));
        assertThat(payment.amount()).isEqualTo(Amount.ofShillings(2_500));
        assertThat(payment.receipt()).contains(RECEIPT);
        assertThat(payment.transactionTime()).contains(PAID_BY_MPESA);
        assertThat(payment.checkoutRequestId()).contains(STRAY);
        assertThat(payment.merchantRequestId()).contains(STRAY_MERCHANT_REQUEST);
        assertThat(payment.payer()).isEqualTo(CUSTOMER.msisdn());
        assertThat(payment.createdAt()).isEqualTo(NOW);
        assertThat(payment.isInFlight()).isFalse();
        assertThat(settlement.invoice().receipt()).contains(RECEIPT);
        assertThat(settlement.invoice().paidAt()).contains(NOW);
    }

    /** What the payment records as asked: the money itself when a push could have asked for it, else the invoice. */
    @ParameterizedTest(name = "KES {0} -> asked {1}")
    @CsvSource({"1500, 1500", "1499.50, 2500", "250000, 250000", "250001, 2500", "0.50, 2500"})
    void givenUnmatchedMoney_whenApplied_thenTheAmountAskedIsTheMoneyWhenItIsAnAmountElseTheInvoices(String money,
            long asked) {
        Settlement settlement = invoiceIn(SENT).applyUnmatched(unmatched(money, RECEIPT), APPLIED, OPERATOR_KEY, NOW);

        assertThat(settlement.invoice().payment(APPLIED).orElseThrow().amount())
                .isEqualTo(Amount.ofShillings(asked));
        assertThat(settlement.invoice().payment(APPLIED).orElseThrow().received())
                .isEqualTo(Money.reported(new BigDecimal(money)));
    }

    @Test
    void givenMoneyFromAnUnknownNumber_whenApplied_thenThePaymentIsTheInvoicedCustomers() {
        Settlement fromNobody = invoiceIn(SENT).applyUnmatched(
                unmatched("2500", Optional.of(RECEIPT), STRAY, Optional.empty()), APPLIED, OPERATOR_KEY, NOW);
        Settlement fromAnother = invoiceIn(SENT).applyUnmatched(
                unmatched("2500", Optional.of(RECEIPT), STRAY, Optional.of(STRANGER)), APPLIED, OPERATOR_KEY, NOW);

        assertThat(fromNobody.invoice().payment(APPLIED).orElseThrow().payer()).isEqualTo(CUSTOMER.msisdn());
        assertThat(fromAnother.invoice().payment(APPLIED).orElseThrow().payer()).isEqualTo(STRANGER);
    }

    @Test
    void givenMoneyApplied_whenTheSameReceiptIsAppliedAgainUnderAnotherKey_thenUnchanged() {
        Invoice once = invoiceIn(SENT).applyUnmatched(unmatched("1000", RECEIPT), APPLIED, OPERATOR_KEY, NOW)
                .invoice();

        Settlement twice = once.applyUnmatched(unmatched("1000", RECEIPT), new PaymentId("pay-again"),
                new IdempotencyKey("apply-um-1-again"), NOW.plusSeconds(1));

        assertThat(twice).isEqualTo(new Settlement.Unchanged(once));
        assertThat(once.paid()).isEqualTo(kes(1_000));
    }

    @Test
    void givenReceiptAnAttemptWasPaidWith_whenAppliedAsUnmatchedMoney_thenUnchanged() {
        Invoice paid = invoiceIn(PAID);

        Settlement settlement = paid.applyUnmatched(unmatched("2500", RECEIPT), APPLIED, OPERATOR_KEY, NOW);

        assertThat(paid.receipts()).containsExactly(RECEIPT);
        assertThat(settlement).isEqualTo(new Settlement.Unchanged(paid));
    }

    @Test
    void givenOperatorKeyUsedBefore_whenOtherMoneyIsAppliedUnderIt_thenUnchanged() {
        Invoice once = invoiceIn(SENT).applyUnmatched(unmatched("1000", RECEIPT), APPLIED, OPERATOR_KEY, NOW)
                .invoice();

        Settlement again = once.applyUnmatched(unmatched("500", OTHER_RECEIPT), new PaymentId("pay-again"),
                OPERATOR_KEY, NOW.plusSeconds(1));

        assertThat(again).isEqualTo(new Settlement.Unchanged(once));
    }

    @Test
    void givenMoneyWhoseAmountIsUnknown_whenApplied_thenRejectedNamingIt() {
        Invoice sent = invoiceIn(SENT);
        UnmatchedPayment noAmount = unmatched(null, RECEIPT);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> sent.applyUnmatched(noAmount, APPLIED, OPERATOR_KEY, NOW))
                .withMessageContaining("um-1");
    }

    @Test
    void givenCheckoutRequestIdAnAttemptHolds_whenApplied_thenTheNewPaymentDoesNotRepeatIt() {
        Invoice inFlight = anInvoice().status(SENT).withAttemptInFlight().build();
        UnmatchedPayment money = unmatched("2500", Optional.of(RECEIPT), checkoutOf(IN_FLIGHT),
                Optional.of(CUSTOMER.msisdn()));

        Settlement settlement = inFlight.applyUnmatched(money, APPLIED, OPERATOR_KEY, NOW);

        Invoice after = settlement.invoice();
        assertThat(after.payment(APPLIED).orElseThrow().checkoutRequestId()).isEmpty();
        assertThat(after.payments().stream().filter(p -> p.checkoutRequestId().equals(Optional.of(checkoutOf(
                IN_FLIGHT))))).extracting(Payment::id).containsExactly(IN_FLIGHT);
        assertThat(after.attemptInFlight()).map(Payment::id).as("the attempt is left as it was").contains(IN_FLIGHT);
        assertThat(after.status()).isEqualTo(PAID);
    }

    @Test
    void givenPaidInvoice_whenUnmatchedMoneyIsApplied_thenItIsAllExcessAndThePaidTimeStays() {
        Settlement settlement = invoiceIn(PAID).applyUnmatched(unmatched("700", OTHER_RECEIPT), APPLIED, OPERATOR_KEY,
                NOW);

        assertThat(settlement).isInstanceOfSatisfying(Settlement.DoublePayment.class,
                twice -> assertThat(twice.excess()).isEqualTo(kes(700)));
        assertThat(settlement.invoice().paidAt()).contains(PAID_AT);
        assertThat(settlement.events()).contains(
                new InvoiceEvent.DoublePaymentReceived(ID, Optional.of(OTHER_RECEIPT), kes(700), NOW));
    }
}
