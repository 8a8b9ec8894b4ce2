package ke.invoiceiq.domain.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ke.invoiceiq.domain.shared.Field;
import ke.invoiceiq.domain.shared.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountTest {

    private static final String AT_LEAST_ONE = "Invalid amount. It must be at least KES 1.";
    private static final String WHOLE = "Invalid amount. M-PESA takes whole shillings only (e.g., 2500).";
    private static final String AT_MOST = "Invalid amount. M-PESA allows at most KES 250,000 per payment.";

    @ParameterizedTest(name = "[{index}] \"{0}\" → KES {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2500            | 2500
            2,500           | 2500
            KES 2500        | 2500
            kes 2500        | 2500
            KES2500         | 2500
            Ksh 2,500       | 2500
            ksh2500         | 2500
            KSHS 2500       | 2500
            Kshs. 2500      | 2500
            sh 2500         | 2500
            Sh. 2500        | 2500
            shs 2500        | 2500
            2500.00         | 2500
            2500.0          | 2500
            2,500.00        | 2500
            2500/=          | 2500
            2500/-          | 2500
            2500 KES        | 2500
            '  2500  '      | 2500
            1               | 1
            1,200           | 1200
            250000          | 250000
            250,000         | 250000
            KES 250,000.00  | 250000
            0002500         | 2500
            00000000000000002500 | 2500
            """)
    void givenAnAcceptedForm_whenParsed_thenItIsThatManyWholeShillings(String raw, long shillings) {
        assertThat(Amount.parse(raw)).isEqualTo(Parsed.ok(Amount.ofShillings(shillings)));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0                      | Invalid amount. It must be at least KES 1.
            0.00                   | Invalid amount. It must be at least KES 1.
            KES 0                  | Invalid amount. It must be at least KES 1.
            -5                     | Invalid amount. It must be at least KES 1.
            -2,500                 | Invalid amount. It must be at least KES 1.
            KES -100               | Invalid amount. It must be at least KES 1.
            2500.50                | Invalid amount. M-PESA takes whole shillings only (e.g., 2500).
            0.50                   | Invalid amount. M-PESA takes whole shillings only (e.g., 2500).
            99.99                  | Invalid amount. M-PESA takes whole shillings only (e.g., 2500).
            250001                 | Invalid amount. M-PESA allows at most KES 250,000 per payment.
            300000                 | Invalid amount. M-PESA allows at most KES 250,000 per payment.
            1,000,000              | Invalid amount. M-PESA allows at most KES 250,000 per payment.
            0712345678             | Invalid amount. M-PESA allows at most KES 250,000 per payment.
            99999999999999999999999 | Invalid amount. M-PESA allows at most KES 250,000 per payment.
            two thousand           | Invalid amount. Enter a whole number in KES (e.g., 2500).
            abc                    | Invalid amount. Enter a whole number in KES (e.g., 2500).
            KES                    | Invalid amount. Enter a whole number in KES (e.g., 2500).
            2,50                   | Invalid amount. Enter a whole number in KES (e.g., 2500).
            12,34,567              | Invalid amount. Enter a whole number in KES (e.g., 2500).
            $2500                  | Invalid amount. Enter a whole number in KES (e.g., 2500).
            2500 USD               | Invalid amount. Enter a whole number in KES (e.g., 2500).
            1e3                    | Invalid amount. Enter a whole number in KES (e.g., 2500).
            2500.                  | Invalid amount. Enter a whole number in KES (e.g., 2500).
            2 500                  | Invalid amount. Enter a whole number in KES (e.g., 2500).
            """)
    void givenARejectedForm_whenParsed_thenItIsAnAmountErrorSayingWhy(String raw, String message) {
        assertThat(Amount.parse(raw)).isEqualTo(Parsed.rejected(Field.AMOUNT, message));
    }

    @ParameterizedTest(name = "[{index}] {0} is rejected")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "٢٥٠٠"})
    void givenNothingOrNonLatinDigits_whenParsed_thenItIsTheGeneralAmountError(String raw) {
        assertThat(Amount.parse(raw)).isEqualTo(Parsed.rejected(Field.AMOUNT, Amount.EXPECTED));
    }

    @Test
    void theRejectionMessagesNameTheAmountAndTheExpectedForm() {
        for (String message : new String[] {AT_LEAST_ONE, WHOLE, AT_MOST, Amount.EXPECTED}) {
            assertThat(message).startsWith("Invalid amount.");
        }
        assertThat(Amount.EXPECTED).contains("whole number").contains("2500");
    }

    @ParameterizedTest(name = "[{index}] KES {0} = {1} cents")
    @CsvSource({"1, 100", "2500, 250000", "250000, 25000000"})
    void cents_areAHundredPerShilling(long shillings, long cents) {
        assertThat(Amount.ofShillings(shillings).cents()).isEqualTo(cents);
        assertThat(Amount.ofCents(cents)).isEqualTo(Amount.ofShillings(shillings));
    }

    @ParameterizedTest(name = "[{index}] {0} cents")
    @ValueSource(longs = {250050, 1, 99, 0, -100})
    void givenCentsThatAreNotAValidWholeAmount_whenConverted_thenItThrows(long cents) {
        assertThatIllegalArgumentException().isThrownBy(() -> Amount.ofCents(cents));
    }

    @ParameterizedTest(name = "[{index}] new Amount({0}) throws")
    @ValueSource(longs = {0, -1, 250_001, Long.MAX_VALUE, Long.MIN_VALUE})
    void givenShillingsOutOfRange_whenConstructed_thenItThrows(long shillings) {
        assertThatIllegalArgumentException().isThrownBy(() -> Amount.ofShillings(shillings));
    }

    @ParameterizedTest(name = "[{index}] {0} → \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            1      | 1
            999    | 999
            1000   | 1,000
            2500   | 2,500
            12345  | 12,345
            250000 | 250,000
            """)
    void formatted_groupsThousandsWithCommas(long shillings, String formatted) {
        assertThat(Amount.ofShillings(shillings).formatted()).isEqualTo(formatted);
        assertThat(Amount.ofShillings(shillings).display()).isEqualTo("KES " + formatted);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" looks like an amount: {1}")
    @CsvSource(nullValues = "NULL", value = {
            "2500, true", "'2,500', true", "'KES 2500', true", "ksh2500, true", "-5, true", "300000, true",
            "2500.50, true", "John, false", "Sukuma, false", "KES, false", "'', false", "NULL, false"})
    void looksLikeAmount_isAboutShapeNotValidity(String token, boolean expected) {
        assertThat(Amount.looksLikeAmount(token)).isEqualTo(expected);
    }
}
