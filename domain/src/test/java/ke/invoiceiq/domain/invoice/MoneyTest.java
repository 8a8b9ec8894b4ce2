package ke.invoiceiq.domain.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shillings received or owed, to the cent: what M-PESA reports, how it adds up, and how people read it. */
class MoneyTest {

    /** The largest number of cents an amount M-PESA reports may have: anything above is garbage, not a payment. */
    private static final long MOST_CENTS = Long.MAX_VALUE / 4;

    @ParameterizedTest(name = "M-PESA reports \"{0}\" -> {1} cents")
    @CsvSource(delimiter = '|', textBlock = """
            2500                  | 250000
            2500.00               | 250000
            2500.0000             | 250000
            2500.5                | 250050
            1499.50               | 149950
            0.01                  | 1
            0.005                 | 1
            0.014                 | 1
            0.015                 | 2
            2500.994              | 250099
            2500.995              | 250100
            1E+3                  | 100000
            250000                | 25000000
            23058430092136939.51  | 2305843009213693951
            """)
    void givenAmountMpesaReported_whenRead_thenCentsRoundedHalfUp(String reported, long cents) {
        assertThat(Money.reported(new BigDecimal(reported))).contains(new Money(cents));
    }

    @ParameterizedTest(name = "M-PESA reports \"{0}\" -> no usable amount")
    @CsvSource({
        "0",
        "0.00",
        "0.004",
        "-1",
        "-0.01",
        "-2500",
        "23058430092136939.52",
        "1E+30"
    })
    void givenZeroNegativeOrAbsurdAmount_whenRead_thenNoUsableAmount(String reported) {
        assertThat(Money.reported(new BigDecimal(reported))).isEmpty();
    }

    @Test
    void givenNoAmount_whenRead_thenNoUsableAmount() {
        assertThat(Money.reported(null)).isEmpty();
    }

    @Test
    void givenTheLargestUsableAmount_whenRead_thenItIsTheBoundItself() {
        assertThat(Money.reported(BigDecimal.valueOf(MOST_CENTS, 2))).contains(new Money(MOST_CENTS));
        assertThat(Money.reported(BigDecimal.valueOf(MOST_CENTS + 1, 2))).isEmpty();
    }

    @ParameterizedTest(name = "{0} cents")
    @CsvSource({"-1", "-250000", "-9223372036854775808"})
    void givenNegativeCents_whenConstructed_thenRejected(long cents) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(cents)).withMessageContaining("never negative");
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
        "0,      0,      0",
        "1,      0,      1",
        "150000, 100000, 250000",
        "99,     1,      100"
    })
    void givenTwoSums_whenAdded_thenCentsAddUp(long a, long b, long sum) {
        assertThat(new Money(a).plus(new Money(b))).isEqualTo(new Money(sum));
        assertThat(new Money(b).plus(new Money(a))).isEqualTo(new Money(sum));
    }

    @Test
    void givenSumsBeyondALong_whenAdded_thenOverflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE).plus(new Money(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofShillings(Long.MAX_VALUE / 10)).isInstanceOf(ArithmeticException.class);
    }

    @ParameterizedTest(name = "{0} - {1} = {2}")
    @CsvSource({
        "250000, 100000, 150000",
        "250000, 250000, 0",
        "100000, 250000, 0",
        "0,      1,      0",
        "1,      0,      1",
        "250050, 250000, 50"
    })
    void givenTwoSums_whenSubtracted_thenDifferenceOrZeroNeverNegative(long a, long b, long difference) {
        assertThat(new Money(a).minusOrZero(new Money(b))).isEqualTo(new Money(difference));
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({
        "0,   0,   true,  false, 0",
        "1,   0,   true,  false, 1",
        "0,   1,   false, true,  -1",
        "250000, 249999, true, false, 1"
    })
    void givenTwoSums_whenCompared_thenOrderedByCents(long a, long b, boolean atLeast, boolean lessThan, int sign) {
        assertThat(new Money(a).isAtLeast(new Money(b))).isEqualTo(atLeast);
        assertThat(new Money(a).isLessThan(new Money(b))).isEqualTo(lessThan);
        assertThat(Integer.signum(new Money(a).compareTo(new Money(b)))).isEqualTo(sign);
    }

    @Test
    void givenZero_whenAsked_thenOnlyZeroIsZero() {
        assertThat(Money.ZERO.isZero()).isTrue();
        assertThat(new Money(1).isZero()).isFalse();
    }

    @Test
    void givenAnAmount_whenAsMoney_thenTheSameCents() {
        assertThat(Money.of(Amount.ofShillings(2_500))).isEqualTo(new Money(250_000));
        assertThat(Money.ofShillings(2_500)).isEqualTo(new Money(250_000));
    }

    @ParameterizedTest(name = "{0} cents as an amount: {1}")
    @CsvSource(nullValues = "none", value = {
        "100,      1",
        "250000,   2500",
        "25000000, 250000",
        "0,        none",
        "99,       none",
        "150,      none",
        "249950,   none",
        "25000100, none",
        "25000001, none"
    })
    void givenMoney_whenAsAnAmount_thenOnlyWholeShillingsFromOneTo250000(long cents, Long shillings) {
        Optional<Amount> expected = Optional.ofNullable(shillings).map(Amount::ofShillings);

        assertThat(new Money(cents).asAmount()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} cents -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            0          | 0
            5          | 0.05
            50         | 0.50
            100        | 1
            250000     | 2,500
            250050     | 2,500.50
            250001     | 2,500.01
            25000000   | 250,000
            123456789  | 1,234,567.89
            100000000  | 1,000,000
            """)
    void givenMoney_whenFormatted_thenThousandsSeparatedAndCentsOnlyWhenThereAreSome(long cents, String formatted) {
        assertThat(new Money(cents).formatted()).isEqualTo(formatted);
        assertThat(new Money(cents).display()).isEqualTo("KES " + formatted);
    }
}
