package ke.invoiceiq.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The number's turns are spread evenly and, with the margin for a late request, never exceed the throughput. */
class PacingTest {

    @ParameterizedTest(name = "{0}/s -> a turn every {1} µs")
    @CsvSource({
            "1,    1040000",
            "3,    346667",
            "80,   13000",
            "250,  4160",
            "1000, 1040",
            "1040, 1000"
    })
    void givenAThroughput_whenTheNumbersTurnsAreSpaced_thenOneEvery104PercentOfItsShare(int perSecond, long micros) {
        Pacing pacing = new Pacing(Duration.ofSeconds(6), perSecond);

        assertThat(pacing.numberSpacing()).isEqualTo(Duration.ofNanos(micros * 1_000));
    }

    @ParameterizedTest(name = "every throughput from {0} to {1}")
    @CsvSource({"1, 5000"})
    void givenAnyThroughput_whenSpaced_thenAnySecondHoldsNoMoreThanItEvenWithA40msLateRequest(int from, int to) {
        IntStream.rangeClosed(from, to).forEach(perSecond -> {
            long spacingNanos = new Pacing(Duration.ofSeconds(6), perSecond).numberSpacing().toNanos();
            // turns at k·spacing; a request reaching the provider up to 40 ms after its turn puts in one second of
            // the provider's the turns of a half-open 1.04 s: at most ceil(1.04 s / spacing) of them
            assertThat(Math.ceilDiv(1_040_000_000L, spacingNanos)).as("turns a provider's second can see at %d/s",
                    perSecond).isLessThanOrEqualTo(perSecond);
            assertThat(1_000_000_000L / spacingNanos).as("turns in a second at %d/s", perSecond)
                    .isGreaterThanOrEqualTo((long) (perSecond * 0.95));
        });
    }
}
