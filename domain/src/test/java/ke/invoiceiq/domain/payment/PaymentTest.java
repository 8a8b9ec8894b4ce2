package ke.invoiceiq.domain.payment;

import static ke.invoiceiq.domain.payment.PaymentFixtures.AMOUNT;
import static ke.invoiceiq.domain.payment.PaymentFixtures.CANCELLED_BY_USER;
import static ke.invoiceiq.domain.payment.PaymentFixtures.CHECKOUT_REQUEST;
import static ke.invoiceiq.domain.payment.PaymentFixtures.INVOICE;
import static ke.invoiceiq.domain.payment.PaymentFixtures.MERCHANT_REQUEST;
import static ke.invoiceiq.domain.payment.PaymentFixtures.PAYER;
import static ke.invoiceiq.domain.payment.PaymentFixtures.RECEIPT;
import static ke.invoiceiq.domain.payment.PaymentFixtures.SUCCESS;
import static ke.invoiceiq.domain.payment.PaymentFixtures.T0;
import static ke.invoiceiq.domain.payment.PaymentFixtures.initiated;
import static ke.invoiceiq.domain.payment.PaymentFixtures.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import ke.invoiceiq.domain.invoice.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One STK attempt: INITIATED → (named) → SUCCESS | FAILED | EXPIRED, with late money allowed to win and a success
 * told by our query completed later by the callback.
 */
class PaymentTest {

    private static final Instant T1 = T0.plusSeconds(2);
    private static final Instant T2 = T0.plusSeconds(40);
    private static final Instant T3 = T0.plusSeconds(300);
    private static final Instant PAID_AT_MPESA = T0.plusSeconds(35);
    private static final MerchantRequestId OTHER_MERCHANT_REQUEST = new MerchantRequestId("99999-00000-9");
    private static final CheckoutRequestId OTHER_CHECKOUT_REQUEST = new CheckoutRequestId("ws_CO_other");
    private static final MpesaReceipt OTHER_RECEIPT = new MpesaReceipt("NLK8SU72TW");

    @Nested
    class LifeCycle {

        @Test
        void givenNewAttempt_whenInitiated_thenInitiatedInFlightWithNothingFromDarajaYet() {
            Payment p = initiated();

            assertThat(p.status()).isEqualTo(PaymentStatus.INITIATED);
            assertThat(p.isInFlight()).isTrue();
            assertThat(p.isNamed()).isFalse();
            assertThat(p.invoiceId()).isEqualTo(INVOICE);
            assertThat(p.payer()).isEqualTo(PAYER);
            assertThat(p.amount()).isEqualTo(AMOUNT);
            assertThat(p.idempotencyKey()).isEqualTo(new IdempotencyKey("key-pay-1"));
            assertThat(p.merchantRequestId()).isEmpty();
            assertThat(p.checkoutRequestId()).isEmpty();
            assertThat(p.result()).isEmpty();
            assertThat(p.receipt()).isEmpty();
            assertThat(p.transactionTime()).isEmpty();
            assertThat(p.received()).isEmpty();
            assertThat(p.endReason()).isEmpty();
            assertThat(p.queries()).isZero();
            assertThat(p.createdAt()).isEqualTo(T0);
            assertThat(p.updatedAt()).isEqualTo(T0);
        }

        @Test
        void givenInitiatedAttempt_whenDarajaNamesIt_thenIdsStoredAndStillInFlight() {
            Payment p = initiated().named(MERCHANT_REQUEST, CHECKOUT_REQUEST, T1);

            assertThat(p.status()).isEqualTo(PaymentStatus.INITIATED);
            assertThat(p.isInFlight()).isTrue();
            assertThat(p.isNamed()).isTrue();
            assertThat(p.merchantRequestId()).contains(MERCHANT_REQUEST);
            assertThat(p.checkoutRequestId()).contains(CHECKOUT_REQUEST);
            assertThat(p.result()).isEmpty();
            assertThat(p.createdAt()).isEqualTo(T0);
            assertThat(p.updatedAt()).isEqualTo(T1);
        }

        @Test
        void givenNamedAttempt_whenMpesaReportsSuccess_thenSuccessWithReceiptTimeResultMoneyAndIdsKept() {
            Payment p = named("pay-1", T0).succeeded(SUCCESS, Optional.of(RECEIPT), Optional.of(PAID_AT_MPESA),
                    Money.ofShillings(2_000), T2);

            assertThat(p.status()).isEqualTo(PaymentStatus.SUCCESS);
            assertThat(p.isInFlight()).isFalse();
            assertThat(p.succeeded()).isTrue();
            assertThat(p.result()).contains(SUCCESS);
            assertThat(p.receipt()).contains(RECEIPT);
            assertThat(p.transactionTime()).contains(PAID_AT_MPESA);
            assertThat(p.received()).as("what M-PESA moved, not what was asked").contains(Money.ofShillings(2_000));
            assertThat(p.amount()).isEqualTo(AMOUNT);
            assertThat(p.endReason()).isEmpty();
            assertThat(p.merchantRequestId()).contains(MERCHANT_REQUEST);
            assertThat(p.checkoutRequestId()).contains(CHECKOUT_REQUEST);
            assertThat(p.createdAt()).isEqualTo(T0);
            assertThat(p.updatedAt()).isEqualTo(T2);
        }

        @Test
        void givenNamedAttempt_whenMpesaReportsFailure_thenFailedWithResultReasonAndNoMoney() {
            Payment p = named("pay-1", T0).failed(CANCELLED_BY_USER, T2);

            assertThat(p.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(p.isInFlight()).isFalse();
            assertThat(p.result()).contains(CANCELLED_BY_USER);
            assertThat(p.endReason()).contains(StkReason.CANCELLED_BY_USER);
            assertThat(p.receipt()).isEmpty();
            assertThat(p.received()).isEmpty();
            assertThat(p.checkoutRequestId()).contains(CHECKOUT_REQUEST);
            assertThat(p.updatedAt()).isEqualTo(T2);
        }

        @Test
        void givenInitiatedAttempt_whenDarajaRefusesOnTheSpot_thenFailedWithoutIds() {
            Payment p = initiated().failed(new StkResult(1001, "Unable to lock subscriber"), T1);

            assertThat(p.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(p.checkoutRequestId()).isEmpty();
            assertThat(p.result().map(StkResult::code)).contains(1001);
            assertThat(p.endReason()).contains(StkReason.SUBSCRIBER_BUSY);
        }

        /** Given up is not a prompt that expired (1019): nobody knows how it ended, so it says so (-3). */
        @Test
        void givenNamedAttempt_whenTheReconcilerGivesUp_thenExpiredWithNoAnswerResult() {
            Payment p = named("pay-1", T0).expired(T3);

            assertThat(p.status()).isEqualTo(PaymentStatus.EXPIRED);
            assertThat(p.isInFlight()).isFalse();
            assertThat(p.result().map(StkResult::code)).contains(-3);
            assertThat(p.result().map(StkResult::reason)).contains(StkReason.NO_ANSWER);
            assertThat(p.endReason()).contains(StkReason.NO_ANSWER);
            assertThat(p.receipt()).isEmpty();
            assertThat(p.received()).isEmpty();
            assertThat(p.updatedAt()).isEqualTo(T3);
        }

        @Test
        void givenStatuses_whenAskedIfFinal_thenOnlyInitiatedIsNot() {
            assertThat(PaymentStatus.INITIATED.isFinal()).isFalse();
            assertThat(PaymentStatus.SUCCESS.isFinal()).isTrue();
            assertThat(PaymentStatus.FAILED.isFinal()).isTrue();
            assertThat(PaymentStatus.EXPIRED.isFinal()).isTrue();
        }

        @Test
        void givenMoneyThatMatchedNoAttempt_whenRecordedAsAPayment_thenItSucceededTheMomentItIsRecorded() {
            Payment p = Payment.receivedWithoutAttempt(new PaymentId("pay-u"), INVOICE, PAYER, AMOUNT,
                    new IdempotencyKey("op-1"), Optional.of(MERCHANT_REQUEST), Optional.of(CHECKOUT_REQUEST),
                    Optional.of(RECEIPT), Optional.of(PAID_AT_MPESA), Money.ofShillings(2_500), T3);

            assertThat(p.status()).isEqualTo(PaymentStatus.SUCCESS);
            assertThat(p.result().map(StkResult::code)).contains(0);
            assertThat(p.received()).contains(Money.ofShillings(2_500));
            assertThat(p.receipt()).contains(RECEIPT);
            assertThat(p.transactionTime()).contains(PAID_AT_MPESA);
            assertThat(p.checkoutRequestId()).contains(CHECKOUT_REQUEST);
            assertThat(p.createdAt()).isEqualTo(T3);
            assertThat(p.updatedAt()).isEqualTo(T3);
            assertThat(p.queries()).isZero();
        }
    }

    @Nested
    class Naming {

        @ParameterizedTest
        @EnumSource(PaymentStatus.class)
        void givenAttemptAlreadyNamed_whenNamedAgain_thenItKeepsItsFirstIdsAndIsTheSameAttempt(PaymentStatus status) {
            Payment before = PaymentFixtures.endedAt("pay-1", status, T2);

            Payment after = before.named(OTHER_MERCHANT_REQUEST, OTHER_CHECKOUT_REQUEST, T3);

            assertThat(after).isSameAs(before);
            assertThat(after.checkoutRequestId()).contains(CHECKOUT_REQUEST);
        }

        @Test
        void givenAttemptGivenUpBeforeDarajaNamedIt_whenTheNamesArriveLate_thenRecordedAndStillExpired() {
            Payment givenUp = initiated().expired(T2);

            Payment after = givenUp.named(MERCHANT_REQUEST, CHECKOUT_REQUEST, T3);

            assertThat(after.status()).isEqualTo(PaymentStatus.EXPIRED);
            assertThat(after.checkoutRequestId()).contains(CHECKOUT_REQUEST);
            assertThat(after.merchantRequestId()).contains(MERCHANT_REQUEST);
            assertThat(after.result()).isEqualTo(givenUp.result());
        }

        @Test
        void givenAttemptPaidBeforeDarajaNamedIt_whenTheNamesArrive_thenRecordedAndStillSucceeded() {
            Payment early = initiated().succeeded(SUCCESS, Optional.of(RECEIPT), Optional.of(PAID_AT_MPESA),
                    Money.of(AMOUNT), T2);

            Payment after = early.named(MERCHANT_REQUEST, CHECKOUT_REQUEST, T3);

            assertThat(after.status()).isEqualTo(PaymentStatus.SUCCESS);
            assertThat(after.received()).isEqualTo(early.received());
            assertThat(after.receipt()).contains(RECEIPT);
            assertThat(after.checkoutRequestId()).contains(CHECKOUT_REQUEST);
        }
    }

    @Nested
    class LateMoneyWins {

        @ParameterizedTest
        @EnumSource(value = PaymentStatus.class, names = {"FAILED", "EXPIRED"})
        void givenEndedWithoutMoney_whenSuccessArrivesLate_thenSuccessWithReceiptAndMoney(PaymentStatus ended) {
            Payment before = PaymentFixtures.endedAt("pay-1", ended, T2);

            Payment after = before.succeeded(SUCCESS, Optional.of(RECEIPT), Optional.of(PAID_AT_MPESA),
                    Money.of(AMOUNT), T3);

            assertThat(before.status()).isEqualTo(ended);
            assertThat(after.status()).isEqualTo(PaymentStatus.SUCCESS);
            assertThat(after.result()).contains(SUCCESS);
            assertThat(after.receipt()).contains(RECEIPT);
            assertThat(after.received()).contains(Money.of(AMOUNT));
            assertThat(after.transactionTime()).contains(PAID_AT_MPESA);
            assertThat(after.checkoutRequestId()).contains(CHECKOUT_REQUEST);
            assertThat(after.endReason()).isEmpty();
            assertThat(after.updatedAt()).isEqualTo(T3);
        }
    }

    @Nested
    class CompletedByTheCallback {

        private final Payment toldByQuery = named("pay-1", T0).succeeded(SUCCESS, Optional.empty(), Optional.empty(),
                Money.of(AMOUNT), T2);

        @Test
        void givenSuccessToldByQuery_whenTheCallbackBringsItsDetails_thenReceiptTimeAndTheRealAmountAreRecorded() {
            Payment after = toldByQuery.completedWith(Optional.of(RECEIPT), Optional.of(PAID_AT_MPESA),
                    Optional.of(Money.ofShillings(1_000)), T3);

            assertThat(after.status()).isEqualTo(PaymentStatus.SUCCESS);
            assertThat(after.receipt()).contains(RECEIPT);
            assertThat(after.transactionTime()).contains(PAID_AT_MPESA);
            assertThat(after.received()).contains(Money.ofShillings(1_000));
            assertThat(after.updatedAt()).isEqualTo(T3);
        }

        @Test
        void givenSuccessToldByQuery_whenTheCallbackHasNoUsableAmount_thenTheAmountAskedStays() {
            Payment after = toldByQuery.completedWith(Optional.of(RECEIPT), Optional.empty(), Optional.empty(), T3);

            assertThat(after.received()).contains(Money.of(AMOUNT));
            assertThat(after.receipt()).contains(RECEIPT);
        }

        @Test
        void givenSuccessWithReceipt_whenAnotherReceiptIsReported_thenTheFirstReceiptStays() {
            Payment withReceipt = toldByQuery.completedWith(Optional.of(RECEIPT), Optional.empty(), Optional.empty(),
                    T3);

            Payment after = withReceipt.completedWith(Optional.of(OTHER_RECEIPT), Optional.empty(), Optional.empty(),
                    T3.plusSeconds(1));

            assertThat(after.receipt()).contains(RECEIPT);
        }

        @Test
        void givenSuccess_whenTheSameDetailsAreReportedAgain_thenTheSameAttemptAndItsTimeUntouched() {
            Payment complete = toldByQuery.completedWith(Optional.of(RECEIPT), Optional.of(PAID_AT_MPESA),
                    Optional.of(Money.of(AMOUNT)), T3);

            Payment again = complete.completedWith(Optional.of(RECEIPT), Optional.of(PAID_AT_MPESA),
                    Optional.of(Money.of(AMOUNT)), T3.plusSeconds(60));

            assertThat(again).isSameAs(complete);
            assertThat(toldByQuery.completedWith(Optional.empty(), Optional.empty(), Optional.empty(), T3))
                    .isSameAs(toldByQuery);
        }

        @ParameterizedTest
        @EnumSource(value = PaymentStatus.class, names = "SUCCESS", mode = EnumSource.Mode.EXCLUDE)
        void givenAttemptWithoutMoney_whenCompleted_thenIllegalState(PaymentStatus status) {
            Payment noMoney = PaymentFixtures.endedAt("pay-1", status, T2);

            assertThatThrownBy(() -> noMoney.completedWith(Optional.of(RECEIPT), Optional.empty(), Optional.empty(),
                    T3)).isInstanceOf(IllegalStateException.class).hasMessageContaining(status.name());
        }
    }

    @Nested
    class IllegalTransitions {

        private final Payment succeeded = PaymentFixtures.endedAt("pay-1", PaymentStatus.SUCCESS, T2);
        private final Payment failed = PaymentFixtures.endedAt("pay-1", PaymentStatus.FAILED, T2);
        private final Payment expired = PaymentFixtures.endedAt("pay-1", PaymentStatus.EXPIRED, T2);

        private final Function<Payment, Payment> fail = p -> p.failed(CANCELLED_BY_USER, T3);
        private final Function<Payment, Payment> expire = p -> p.expired(T3);
        private final Function<Payment, Payment> query = p -> p.queried(T3);
        private final Function<Payment, Payment> succeed =
                p -> p.succeeded(SUCCESS, Optional.of(RECEIPT), Optional.empty(), Money.of(AMOUNT), T3);

        @Test
        void givenSucceeded_whenFailed_thenIllegalState() {
            assertThatThrownBy(() -> fail.apply(succeeded)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("SUCCESS");
        }

        @Test
        void givenSucceeded_whenExpired_thenIllegalState() {
            assertThatThrownBy(() -> expire.apply(succeeded)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void givenSucceeded_whenSucceededAgain_thenIllegalState() {
            assertThatThrownBy(() -> succeed.apply(succeeded)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already succeeded");
        }

        @Test
        void givenFailed_whenFailedAgain_thenIllegalState() {
            assertThatThrownBy(() -> fail.apply(failed)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("FAILED");
        }

        @Test
        void givenFailed_whenExpired_thenIllegalState() {
            assertThatThrownBy(() -> expire.apply(failed)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void givenExpired_whenFailed_thenIllegalState() {
            assertThatThrownBy(() -> fail.apply(expired)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("EXPIRED");
        }

        @Test
        void givenExpired_whenExpiredAgain_thenIllegalState() {
            assertThatThrownBy(() -> expire.apply(expired)).isInstanceOf(IllegalStateException.class);
        }

        @ParameterizedTest
        @EnumSource(value = PaymentStatus.class, names = "INITIATED", mode = EnumSource.Mode.EXCLUDE)
        void givenEnded_whenQueried_thenIllegalState(PaymentStatus status) {
            Payment ended = PaymentFixtures.endedAt("pay-1", status, T2);

            assertThatThrownBy(() -> query.apply(ended)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void givenInFlight_whenSucceededWithNonZeroResult_thenRejectedAsNotASuccess() {
            assertThatThrownBy(() -> initiated().succeeded(CANCELLED_BY_USER, Optional.empty(), Optional.empty(),
                    Money.of(AMOUNT), T1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1032");
        }

        @Test
        void givenInFlight_whenFailedWithTheSuccessCode_thenRejectedAsNoFailure() {
            assertThatIllegalArgumentException().isThrownBy(() -> initiated().failed(SUCCESS, T1));
        }

        @Test
        void givenIllegalTransition_whenAttempted_thenOriginalIsUntouched() {
            assertThatThrownBy(() -> fail.apply(succeeded)).isInstanceOf(IllegalStateException.class);

            assertThat(succeeded.status()).isEqualTo(PaymentStatus.SUCCESS);
            assertThat(succeeded.receipt()).contains(RECEIPT);
        }
    }
}
