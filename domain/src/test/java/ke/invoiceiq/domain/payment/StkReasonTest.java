package ke.invoiceiq.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Daraja result codes (docs/daraja.md, docs/architecture.md "Payment") to the reason people read and its retry rule. */
class StkReasonTest {

    @ParameterizedTest(name = "result code {0} -> {1}")
    @CsvSource({
        "0,     PAID",
        "1,     INSUFFICIENT_FUNDS",
        "17,    RULE_LIMITED",
        "1001,  SUBSCRIBER_BUSY",
        "1019,  EXPIRED",
        "1025,  PUSH_ERROR",
        "1032,  CANCELLED_BY_USER",
        "1037,  PHONE_UNREACHABLE",
        "2001,  WRONG_PIN",
        "9999,  GENERIC_FAILURE",
        // ours, never M-PESA's: refused on the spot, or given up
        "-1,    UNAVAILABLE",
        "-2,    REJECTED",
        "-3,    NO_ANSWER",
        // not in our table: the generic reason
        "2,     OTHER",
        "26,    OTHER",
        "2028,  OTHER",
        "8006,  OTHER",
        "12345, OTHER",
        "-4,    OTHER",
        "-2147483648, OTHER"
    })
    void givenResultCode_whenMapped_thenExpectedReason(int code, StkReason expected) {
        assertThat(StkReason.of(code)).isEqualTo(expected);
        assertThat(StkResult.of(code).reason()).isEqualTo(expected);
        assertThat(new StkResult(code, "as Daraja said it").reason()).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(value = StkReason.class, names = "OTHER", mode = EnumSource.Mode.EXCLUDE)
    void givenReasonWithItsOwnCode_whenItsCodeIsMapped_thenTheSameReason(StkReason reason) {
        assertThat(StkReason.of(reason.code())).isEqualTo(reason);
    }

    @ParameterizedTest(name = "code {0} is a success: {1}")
    @CsvSource({"0, true", "1, false", "1032, false", "1019, false", "9999, false", "-3, false", "-1, false"})
    void givenResultCode_whenAskedIfSuccess_thenOnlyZeroIs(int code, boolean success) {
        assertThat(StkResult.of(code).isSuccess()).isEqualTo(success);
    }

    @ParameterizedTest
    @EnumSource(value = StkReason.class, names = "PAID", mode = EnumSource.Mode.EXCLUDE)
    void givenFailureReason_whenShownToPeople_thenSentenceSaysPayWithMpesaAndAPlainReasonExists(StkReason reason) {
        assertThat(reason.customerSentence()).isNotBlank().contains("Pay with M-PESA");
        assertThat(reason.plainReason()).isNotBlank();
        assertThat(reason.customerMayRetry()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 17, 1001, 1019, 1025, 1032, 1037, 2001, 9999, 2028, 8006, 12345, -1, -2, -3})
    void givenNonZeroCode_whenMapped_thenCustomerSentenceInvitesAnotherTry(int code) {
        StkReason reason = StkReason.of(code);

        assertThat(reason).isNotEqualTo(StkReason.PAID);
        assertThat(reason.customerSentence()).contains("Pay with M-PESA");
        assertThat(reason.plainReason()).isNotBlank();
    }

    @Test
    void givenSuccessCode_whenShownToPeople_thenThanksAndNoRetry() {
        StkReason paid = StkReason.of(0);

        assertThat(paid.customerSentence()).isNotBlank().doesNotContain("again");
        assertThat(paid.plainReason()).isEqualTo("paid");
        assertThat(paid.customerMayRetry()).isFalse();
    }

    @Test
    void givenSpecificReasons_whenPlainReasonRead_thenItNamesTheCause() {
        assertThat(StkReason.INSUFFICIENT_FUNDS.plainReason()).containsIgnoringCase("balance");
        assertThat(StkReason.CANCELLED_BY_USER.plainReason()).containsIgnoringCase("cancelled");
        assertThat(StkReason.PHONE_UNREACHABLE.plainReason()).containsIgnoringCase("reached");
        assertThat(StkReason.WRONG_PIN.plainReason()).containsIgnoringCase("PIN");
        assertThat(StkReason.EXPIRED.plainReason()).containsIgnoringCase("expired");
        assertThat(StkReason.NO_ANSWER.plainReason()).containsIgnoringCase("never confirmed");
        assertThat(StkReason.SUBSCRIBER_BUSY.customerSentence()).containsIgnoringCase("prompt");
        assertThat(StkReason.NO_ANSWER.customerSentence()).as("the money may have moved")
                .containsIgnoringCase("do not pay again");
    }

    @Test
    void givenEveryReason_whenCustomerSentenceRead_thenShortEnoughForOneChatBubble() {
        assertThat(Arrays.stream(StkReason.values()).map(StkReason::customerSentence))
                .allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(160));
    }

    @Test
    void givenReasons_whenAskedWhichWereRefusedBeforeAnyPrompt_thenOnlyBusyUnavailableAndRejected() {
        assertThat(Arrays.stream(StkReason.values()).filter(StkReason::refusedBeforePrompt))
                .containsExactlyInAnyOrder(StkReason.SUBSCRIBER_BUSY, StkReason.UNAVAILABLE, StkReason.REJECTED);
    }

    @Test
    void givenReasons_whenAskedWhichWaitForTheCooldown_thenOnlyCancelledUnreachableAndRuleLimited() {
        assertThat(Arrays.stream(StkReason.values()).filter(r -> r.retry() == StkReason.Retry.AFTER_COOLDOWN))
                .containsExactlyInAnyOrder(StkReason.CANCELLED_BY_USER, StkReason.PHONE_UNREACHABLE,
                        StkReason.RULE_LIMITED);
        assertThat(Arrays.stream(StkReason.values()).filter(r -> r.retry() == StkReason.Retry.AFTER_COOLDOWN)
                .map(StkReason::code)).containsExactlyInAnyOrder(1032, 1037, 17);
    }

    /** Each failure reason × a cooldown, with the wait its sentence names (none for a reason that does not wait). */
    static Stream<Arguments> sentences() {
        record Wait(Duration cooldown, String named) {
        }
        var waits = new Wait[] {
            new Wait(Duration.ofMinutes(2), "2 minutes"),
            new Wait(Duration.ofMinutes(1), "1 minute"),
            new Wait(Duration.ofSeconds(61), "2 minutes"),
            new Wait(Duration.ofSeconds(90), "2 minutes"),
            new Wait(Duration.ofSeconds(30), "1 minute"),
            new Wait(Duration.ZERO, "1 minute"),
            new Wait(Duration.ofMinutes(10), "10 minutes")
        };
        return EnumSet.complementOf(EnumSet.of(StkReason.PAID)).stream()
                .flatMap(reason -> Arrays.stream(waits).map(w -> Arguments.of(reason, w.cooldown(), w.named())));
    }

    @ParameterizedTest(name = "{0} with cooldown {1}")
    @MethodSource("sentences")
    void givenReasonAndCooldown_whenSentenceRead_thenItNamesTheWaitExactlyWhenTheReasonWaits(StkReason reason,
            Duration cooldown, String wait) {
        String sentence = reason.customerSentence(cooldown);

        assertThat(sentence).contains("Pay with M-PESA").doesNotContain("%");
        if (reason.retry() == StkReason.Retry.AFTER_COOLDOWN) {
            assertThat(sentence).endsWith("in " + wait + ".");
        } else {
            assertThat(sentence).doesNotContain("minute").isEqualTo(reason.customerSentence());
        }
    }

    @ParameterizedTest
    @EnumSource(value = StkReason.class, names = {"CANCELLED_BY_USER", "PHONE_UNREACHABLE", "RULE_LIMITED"})
    void givenReasonThatWaits_whenSentenceReadWithoutACooldown_thenItNamesTheDefaultTwoMinutes(StkReason reason) {
        assertThat(reason.customerSentence())
                .isEqualTo(reason.customerSentence(PaymentAttemptPolicy.DEFAULT.cooldown()))
                .contains("2 minutes");
    }
}
