package ke.invoiceiq.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Daraja result codes (PROVIDERS.md §B.4, DESIGN.md §2 "Payment") to the reason people read. */
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
        // not in our table: the generic reason
        "2,     OTHER",
        "26,    OTHER",
        "2028,  OTHER",
        "8006,  OTHER",
        "12345, OTHER",
        "-3,    OTHER",
        "-1,    OTHER"
    })
    void givenResultCode_whenMapped_thenExpectedReason(int code, StkReason expected) {
        assertThat(StkReason.of(code)).isEqualTo(expected);
        assertThat(StkResult.of(code).reason()).isEqualTo(expected);
        assertThat(new StkResult(code, "as Daraja said it").reason()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "code {0} is a success: {1}")
    @CsvSource({"0, true", "1, false", "1032, false", "1019, false", "9999, false", "-3, false"})
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
    @ValueSource(ints = {1, 17, 1001, 1019, 1025, 1032, 1037, 2001, 9999, 2028, 8006, 12345, -3})
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
        assertThat(StkReason.SUBSCRIBER_BUSY.customerSentence()).containsIgnoringCase("prompt");
    }

    @Test
    void givenEveryReason_whenCustomerSentenceRead_thenShortEnoughForOneChatBubble() {
        assertThat(Arrays.stream(StkReason.values()).map(StkReason::customerSentence))
                .allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(160));
    }
}
