package ke.invoiceiq.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.payment.StkResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The amount rule, like test card numbers: the last digits of the amount decide how the push ends. */
class StkOutcomeTest {

    static Stream<Arguments> amounts() {
        return Stream.of(
                // amount, ResultCode, ResultDesc
                Arguments.of(1032L, 1032, "Request cancelled by user"),
                Arguments.of(21032L, 1032, "Request cancelled by user"),
                Arguments.of(1037L, 1037, "DS timeout user cannot be reached"),
                Arguments.of(101037L, 1037, "DS timeout user cannot be reached"),
                Arguments.of(2001L, 2001, "The initiator information is invalid."),
                Arguments.of(12001L, 2001, "The initiator information is invalid."),
                Arguments.of(10001L, 1, "The balance is insufficient for the transaction."),
                Arguments.of(250001L, 1, "The balance is insufficient for the transaction."),
                // written amounts that do not end in a rule's four digits are paid
                Arguments.of(1L, 0, "The service request is processed successfully."),
                Arguments.of(32L, 0, "The service request is processed successfully."),
                Arguments.of(2500L, 0, "The service request is processed successfully."),
                Arguments.of(1033L, 0, "The service request is processed successfully."),
                Arguments.of(10320L, 0, "The service request is processed successfully."),
                Arguments.of(2002L, 0, "The service request is processed successfully."),
                Arguments.of(20001L, 1, "The balance is insufficient for the transaction."),
                Arguments.of(250000L, 0, "The service request is processed successfully."));
    }

    @ParameterizedTest(name = "KES {0} -> ResultCode {1}")
    @MethodSource("amounts")
    void givenAnAmount_whenThePushIsAnsweredOk_thenTheAmountRuleDecides(long amount, int code, String description) {
        StkOutcome outcome = StkOutcome.forAmount(amount);

        assertThat(outcome.resultCode()).isEqualTo(code);
        assertThat(outcome.resultDesc()).isEqualTo(description);
        assertThat(outcome.paid()).isEqualTo(code == 0);
    }

    /** Each simulated code means to the core what the table says (DESIGN §2, StkResult). */
    static Stream<Arguments> reasons() {
        return Stream.of(
                Arguments.of(StkOutcome.PAID, StkReason.PAID),
                Arguments.of(StkOutcome.CANCELLED, StkReason.CANCELLED_BY_USER),
                Arguments.of(StkOutcome.UNREACHABLE, StkReason.PHONE_UNREACHABLE),
                Arguments.of(StkOutcome.WRONG_PIN, StkReason.WRONG_PIN),
                Arguments.of(StkOutcome.INSUFFICIENT_FUNDS, StkReason.INSUFFICIENT_FUNDS),
                Arguments.of(StkOutcome.EXPIRED, StkReason.EXPIRED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reasons")
    void givenASimulatedOutcome_whenTheCoreReadsItsCode_thenItIsTheReasonOfThatCode(StkOutcome outcome,
            StkReason reason) {
        assertThat(new StkResult(outcome.resultCode(), outcome.resultDesc()).reason()).isEqualTo(reason);
    }
}
