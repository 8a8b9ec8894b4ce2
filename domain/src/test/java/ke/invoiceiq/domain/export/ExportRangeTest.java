package ke.invoiceiq.domain.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which ranges an export takes: {@code from} before {@code to}, at most 366 days; {@code to} excluded. */
class ExportRangeTest {

    @ParameterizedTest(name = "{0} .. {1} -> {2}")
    @CsvSource({
            "2026-01-01T00:00:00Z, 2026-02-01T00:00:00Z, ",
            "2026-01-01T00:00:00Z, 2026-01-01T00:00:00.000001Z, ",
            "2026-01-01T00:00:00Z, 2027-01-02T00:00:00Z, ",
            "2026-01-01T00:00:00Z, 2027-01-02T00:00:00.000001Z, TOO_LONG",
            "2026-01-01T00:00:00Z, 2026-01-01T00:00:00Z, NOT_AFTER",
            "2026-02-01T00:00:00Z, 2026-01-01T00:00:00Z, NOT_AFTER"})
    void givenARange_whenChecked_thenOnlyAForwardSpanOfAtMost366DaysIsTaken(Instant from, Instant to,
            ExportRange.Problem expected) {
        assertThat(ExportRange.problem(from, to)).isEqualTo(Optional.ofNullable(expected));
        if (expected == null) {
            assertThat(new ExportRange(from, to).contains(from)).isTrue();
            assertThat(new ExportRange(from, to).contains(to)).as("to is excluded").isFalse();
        } else {
            assertThatThrownBy(() -> new ExportRange(from, to)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
