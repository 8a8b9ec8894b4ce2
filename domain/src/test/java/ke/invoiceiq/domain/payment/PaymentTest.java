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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One STK attempt: INITIATED → (accepted) → SUCCESS | FAILED | EXPIRED, with late money allowed to win. */
class PaymentTest {

    private static final Instant T1 = T0.plusSeconds(2);
    private static final Instant T2 = T0.plusSeconds(40);
    private static final Instant T3 = T0.plusSeconds(300);
    private static final Instant PAID_AT_MPESA = T0.plusSeconds(35);

    @Nested
    class LifeCycle {

        @Test
        void givenNewAttempt_whenInitiated_thenInitiatedInFlightWithNothingFromDarajaYet() {
            Payment p = initiated();

            assertThat(p.status()).isEqualTo(PaymentStatus.INITIATED);
            assertThat(p.isInFlight()).isTrue();
            assertThat(p.invoiceId()).isEqualTo(INVOICE);
            assertThat(p.payer()).isEqualTo(PAYER);
            assertThat(p.amount()).isEqualTo(AMOUNT);
            assertThat(p.idempotencyKey()).isEqualTo(new IdempotencyKey("key-pay-1"));
            assertThat(p.merchantRequestId()).isEmpty();
            assertThat(p.checkoutRequestId()).isEmpty();
            assertThat(p.result()).isEmpty();
            assertThat(p.receipt()).isEmpty();
            assertThat(p.transactionTime()).isEmpty();
            assertThat(p.createdAt()).isEqualTo(T0);
            assertThat(p.updatedAt()).isEqualTo(T0);
        }

        @Test
        void givenInitiatedAttempt_whenDarajaAccepts_thenIdsStoredAndStillInFlight() {
            Payment p = initiated().accepted(MERCHANT_REQUEST, CHECKOUT_REQUEST, T1);

            assertThat(p.status()).isEqualTo(PaymentStatus.INITIATED);
            assertThat(p.isInFlight()).isTrue();
            assertThat(p.merchantRequestId()).contains(MERCHANT_REQUEST);
            assertThat(p.checkoutRequestId()).contains(CHECKOUT_REQUEST);
            assertThat(p.result()).isEmpty();
            assertThat(p.createdAt()).isEqualTo(T0);
            assertThat(p.updatedAt()).isEqualTo(T1);
        }

        @Test
        void givenAcceptedAttempt_whenMpesaReportsSuccess_thenSuccessWithReceiptTimeAndResultAndIdsKept() {
            Payment p = initiated().accepted(MERCHANT_REQUEST, CHECKOUT_REQUEST, T1)
                    .succeeded(SUCCESS, Optional.of(RECEIPT), Optional.of(PAID_AT_MPESA), T2);

            assertThat(p.status()).isEqualTo(PaymentStatus.SUCCESS);
            assertThat(p.isInFlight()).isFalse();
            assertThat(p.result()).contains(SUCCESS);
            assertThat(p.receipt()).contains(RECEIPT);
            assertThat(p.transactionTime()).contains(PAID_AT_MPESA);
            assertThat(p.merchantRequestId()).contains(MERCHANT_REQUEST);
            assertThat(p.checkoutRequestId()).contains(CHECKOUT_REQUEST);
            assertThat(p.createdAt()).isEqualTo(T0);
            assertThat(p.updatedAt()).isEqualTo(T2);
        }

        @Test
        void givenAcceptedAttempt_whenMpesaReportsFailure_thenFailedWithResultAndNoReceipt() {
            Payment p = initiated().accepted(MERCHANT_REQUEST, CHECKOUT_REQUEST, T1).failed(CANCELLED_BY_USER, T2);

            assertThat(p.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(p.isInFlight()).isFalse();
            assertThat(p.result()).contains(CANCELLED_BY_USER);
            assertThat(p.result().map(StkResult::reason)).contains(StkReason.CANCELLED_BY_USER);
            assertThat(p.receipt()).isEmpty();
            assertThat(p.checkoutRequestId()).contains(CHECKOUT_REQUEST);
            assertThat(p.updatedAt()).isEqualTo(T2);
        }

        @Test
        void givenInitiatedAttempt_whenDarajaRefusesSynchronously_thenFailedWithoutIds() {
            Payment p = initiated().failed(new StkResult(1001, "Unable to lock subscriber"), T1);

            assertThat(p.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(p.checkoutRequestId()).isEmpty();
            assertThat(p.result().map(StkResult::code)).contains(1001);
        }

        @Test
        void givenAcceptedAttempt_whenReconciliationWindowCloses_thenExpiredWithResult1019() {
            Payment p = initiated().accepted(MERCHANT_REQUEST, CHECKOUT_REQUEST, T1).expired(T3);

            assertThat(p.status()).isEqualTo(PaymentStatus.EXPIRED);
            assertThat(p.isInFlight()).isFalse();
            assertThat(p.result().map(StkResult::code)).contains(1019);
            assertThat(p.result().map(StkResult::reason)).contains(StkReason.EXPIRED);
            assertThat(p.receipt()).isEmpty();
            assertThat(p.updatedAt()).isEqualTo(T3);
        }

        @Test
        void givenStatuses_whenAskedIfFinal_thenOnlyInitiatedIsNot() {
            assertThat(PaymentStatus.INITIATED.isFinal()).isFalse();
            assertThat(PaymentStatus.SUCCESS.isFinal()).isTrue();
            assertThat(PaymentStatus.FAILED.isFinal()).isTrue();
            assertThat(PaymentStatus.EXPIRED.isFinal()).isTrue();
        }
    }

    @Nested
    class LateMoneyWins {

        @ParameterizedTest
        @EnumSource(value = PaymentStatus.class, names = {"FAILED", "EXPIRED"})
        void givenEndedWithoutMoney_whenSuccessArrivesLate_thenSuccessWithReceipt(PaymentStatus ended) {
            Payment before = PaymentFixtures.endedAt("pay-1", ended, T2);

            Payment after = before.succeeded(SUCCESS, Optional.of(RECEIPT), Optional.of(PAID_AT_MPESA), T3);

            assertThat(before.status()).isEqualTo(ended);
            assertThat(after.status()).isEqualTo(PaymentStatus.SUCCESS);
            assertThat(after.result()).contains(SUCCESS);
            assertThat(after.receipt()).contains(RECEIPT);
            assertThat(after.transactionTime()).contains(PAID_AT_MPESA);
            assertThat(after.checkoutRequestId()).contains(CHECKOUT_REQUEST);
            assertThat(after.updatedAt()).isEqualTo(T3);
        }
    }

    @Nested
    class IllegalTransitions {

        private final Payment succeeded = PaymentFixtures.endedAt("pay-1", PaymentStatus.SUCCESS, T2);
        private final Payment failed = PaymentFixtures.endedAt("pay-1", PaymentStatus.FAILED, T2);
        private final Payment expired = PaymentFixtures.endedAt("pay-1", PaymentStatus.EXPIRED, T2);

        private final Function<Payment, Payment> accept = p -> p.accepted(MERCHANT_REQUEST, CHECKOUT_REQUEST, T3);
        private final Function<Payment, Payment> fail = p -> p.failed(CANCELLED_BY_USER, T3);
        private final Function<Payment, Payment> expire = p -> p.expired(T3);
        private final Function<Payment, Payment> succeed =
                p -> p.succeeded(SUCCESS, Optional.of(RECEIPT), Optional.empty(), T3);

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
        void givenSucceeded_whenAccepted_thenIllegalState() {
            assertThatThrownBy(() -> accept.apply(succeeded)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void givenSucceeded_whenSucceededAgain_thenIllegalState() {
            assertThatThrownBy(() -> succeed.apply(succeeded)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already succeeded");
        }

        @Test
        void givenFailed_whenAccepted_thenIllegalState() {
            assertThatThrownBy(() -> accept.apply(failed)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("FAILED");
        }

        @Test
        void givenFailed_whenFailedAgain_thenIllegalState() {
            assertThatThrownBy(() -> fail.apply(failed)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void givenFailed_whenExpired_thenIllegalState() {
            assertThatThrownBy(() -> expire.apply(failed)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void givenExpired_whenAccepted_thenIllegalState() {
            assertThatThrownBy(() -> accept.apply(expired)).isInstanceOf(IllegalStateException.class);
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

        @Test
        void givenInFlight_whenSucceededWithNonZeroResult_thenRejectedAsNotASuccess() {
            assertThatThrownBy(() -> initiated().succeeded(CANCELLED_BY_USER, Optional.empty(), Optional.empty(), T1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1032");
        }

        @Test
        void givenIllegalTransition_whenAttempted_thenOriginalIsUntouched() {
            assertThatThrownBy(() -> fail.apply(succeeded)).isInstanceOf(IllegalStateException.class);

            assertThat(succeeded.status()).isEqualTo(PaymentStatus.SUCCESS);
            assertThat(succeeded.receipt()).contains(RECEIPT);
        }
    }

    @Test
    void givenMissingField_whenConstructed_thenRejected() {
        Payment ok = initiated();
        assertThatNullPointerException().isThrownBy(() -> new Payment(ok.id(), ok.invoiceId(), ok.payer(),
                ok.amount(), ok.idempotencyKey(), null, ok.merchantRequestId(), ok.checkoutRequestId(), ok.result(),
                ok.receipt(), ok.transactionTime(), ok.createdAt(), ok.updatedAt()));
        assertThatNullPointerException().isThrownBy(() -> new Payment(ok.id(), ok.invoiceId(), ok.payer(),
                ok.amount(), ok.idempotencyKey(), ok.status(), ok.merchantRequestId(), null, ok.result(),
                ok.receipt(), ok.transactionTime(), ok.createdAt(), ok.updatedAt()));
    }
}
