package ke.invoiceiq.domain.payment;

import static ke.invoiceiq.domain.payment.PaymentFixtures.AMOUNT;
import static ke.invoiceiq.domain.payment.PaymentFixtures.T0;
import static ke.invoiceiq.domain.payment.PaymentFixtures.initiated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import ke.invoiceiq.domain.invoice.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every stored attempt satisfies, whoever builds it (the aggregate, a repository reading a row): it has money
 * received exactly when it succeeded, and once it ended it says how.
 */
class PaymentInvariantsTest {

    private static final Optional<StkResult> NO_RESULT = Optional.empty();
    private static final Optional<StkResult> PAID = Optional.of(StkResult.of(0));
    private static final Optional<StkResult> CANCELLED = Optional.of(StkResult.of(1032));
    private static final Optional<Money> NOTHING = Optional.empty();
    private static final Optional<Money> MONEY = Optional.of(Money.of(AMOUNT));

    /** Status, result and money received, and whether a record may hold them together. */
    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of(PaymentStatus.INITIATED, NO_RESULT, NOTHING, true),
                Arguments.of(PaymentStatus.INITIATED, NO_RESULT, MONEY, false),
                Arguments.of(PaymentStatus.SUCCESS, PAID, MONEY, true),
                Arguments.of(PaymentStatus.SUCCESS, PAID, NOTHING, false),
                Arguments.of(PaymentStatus.SUCCESS, NO_RESULT, MONEY, false),
                Arguments.of(PaymentStatus.FAILED, CANCELLED, NOTHING, true),
                Arguments.of(PaymentStatus.FAILED, CANCELLED, MONEY, false),
                Arguments.of(PaymentStatus.FAILED, NO_RESULT, NOTHING, false),
                Arguments.of(PaymentStatus.EXPIRED, Optional.of(StkResult.of(-3)), NOTHING, true),
                Arguments.of(PaymentStatus.EXPIRED, Optional.of(StkResult.of(-3)), MONEY, false),
                Arguments.of(PaymentStatus.EXPIRED, NO_RESULT, NOTHING, false));
    }

    @ParameterizedTest(name = "{0} result {1} received {2}: valid {3}")
    @MethodSource("records")
    void givenStatusResultAndMoney_whenConstructed_thenReceivedIffSuccessAndEndedHasResult(PaymentStatus status,
            Optional<StkResult> result, Optional<Money> received, boolean valid) {
        Payment ok = initiated();
        Runnable build = () -> new Payment(ok.id(), ok.invoiceId(), ok.payer(), ok.amount(), ok.idempotencyKey(),
                status, ok.merchantRequestId(), ok.checkoutRequestId(), result, ok.receipt(), ok.transactionTime(),
                received, ok.createdAt(), ok.updatedAt(), 0, Optional.empty());

        if (valid) {
            build.run();
        } else {
            assertThatIllegalArgumentException().isThrownBy(build::run);
        }
    }

    @Test
    void givenEveryTransition_whenItsResultIsBuilt_thenTheRecordHoldsTheInvariants() {
        List<Payment> reached = List.of(
                initiated(),
                PaymentFixtures.endedAt("pay-1", PaymentStatus.SUCCESS, T0.plusSeconds(60)),
                PaymentFixtures.endedAt("pay-1", PaymentStatus.FAILED, T0.plusSeconds(60)),
                PaymentFixtures.endedAt("pay-1", PaymentStatus.EXPIRED, T0.plusSeconds(60)));

        assertThat(reached).allSatisfy(p -> {
            assertThat(p.received().isPresent()).isEqualTo(p.status() == PaymentStatus.SUCCESS);
            assertThat(p.result().isPresent()).isEqualTo(p.status().isFinal());
        });
    }

    @Test
    void givenMissingField_whenConstructed_thenRejected() {
        Payment ok = initiated();
        assertThatNullPointerException().isThrownBy(() -> new Payment(ok.id(), ok.invoiceId(), ok.payer(),
                ok.amount(), ok.idempotencyKey(), null, ok.merchantRequestId(), ok.checkoutRequestId(), ok.result(),
                ok.receipt(), ok.transactionTime(), ok.received(), ok.createdAt(), ok.updatedAt(), 0,
                Optional.empty()));
        assertThatNullPointerException().isThrownBy(() -> new Payment(ok.id(), ok.invoiceId(), ok.payer(),
                ok.amount(), ok.idempotencyKey(), ok.status(), ok.merchantRequestId(), null, ok.result(),
                ok.receipt(), ok.transactionTime(), ok.received(), ok.createdAt(), ok.updatedAt(), 0,
                Optional.empty()));
        assertThatNullPointerException().isThrownBy(() -> new Payment(ok.id(), ok.invoiceId(), ok.payer(),
                ok.amount(), ok.idempotencyKey(), ok.status(), ok.merchantRequestId(), ok.checkoutRequestId(),
                ok.result(), ok.receipt(), ok.transactionTime(), null, ok.createdAt(), ok.updatedAt(), 0,
                Optional.empty()));
    }

    @Test
    void givenPaymentResult_whenAnOptionalIsNull_thenRejected() {
        assertThatNullPointerException().isThrownBy(() -> new PaymentResult(
                new CheckoutRequestId("ws_CO_1"), Optional.empty(), StkResult.of(0), Optional.empty(), null,
                Optional.empty(), Optional.empty(), T0));
    }
}
