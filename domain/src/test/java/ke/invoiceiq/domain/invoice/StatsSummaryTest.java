package ke.invoiceiq.domain.invoice;

import static ke.invoiceiq.domain.invoice.InvoiceStatus.CANCELLED;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.FAILED;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.PAID;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.PENDING;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatsSummaryTest {

    @Test
    void givenPaidAndSentCounts_whenConversion_thenPaidOverSent() {
        StatsSummary stats = new StatsSummary(Map.of(SENT, 5L, PAID, 3L, CANCELLED, 2L), 8, 3,
                Optional.of(Duration.ofMinutes(12)), Optional.of(Duration.ofMinutes(9)));

        assertThat(stats.conversion()).isCloseTo(0.375, within(1e-9));
        assertThat(stats.meanTimeToPay()).contains(Duration.ofMinutes(12));
        assertThat(stats.medianTimeToPay()).contains(Duration.ofMinutes(9));
    }

    @Test
    void givenEverySentInvoicePaid_whenConversion_thenOne() {
        StatsSummary stats = new StatsSummary(Map.of(PAID, 4L), 4, 4, Optional.empty(), Optional.empty());

        assertThat(stats.conversion()).isEqualTo(1.0);
    }

    @Test
    void givenNothingSent_whenConversion_thenZeroNotNaN() {
        StatsSummary stats = new StatsSummary(Map.of(PENDING, 2L, FAILED, 1L), 0, 0, Optional.empty(),
                Optional.empty());

        assertThat(stats.conversion()).isZero();
        assertThat(Double.isNaN(stats.conversion())).isFalse();
    }

    @Test
    void givenSomeStatusesMissing_whenCreated_thenEveryStatusPresentAndMissingOnesZero() {
        StatsSummary stats = new StatsSummary(Map.of(SENT, 7L), 7, 0, Optional.empty(), Optional.empty());

        assertThat(stats.countsByStatus())
                .containsOnlyKeys(InvoiceStatus.values())
                .containsEntry(SENT, 7L)
                .containsEntry(PENDING, 0L)
                .containsEntry(PAID, 0L)
                .containsEntry(CANCELLED, 0L)
                .containsEntry(FAILED, 0L);
    }

    @Test
    void givenEmptyCounts_whenCreated_thenAllZeroAndTotalZero() {
        StatsSummary stats = new StatsSummary(Map.of(), 0, 0, Optional.empty(), Optional.empty());

        assertThat(stats.countsByStatus()).hasSize(InvoiceStatus.values().length).allSatisfy((s, n) -> assertThat(n).isZero());
        assertThat(stats.total()).isZero();
        assertThat(stats.conversion()).isZero();
    }

    @Test
    void givenCountsForEveryStatus_whenTotal_thenSumOfAllCounts() {
        StatsSummary stats = new StatsSummary(
                Map.of(PENDING, 1L, SENT, 2L, PAID, 3L, CANCELLED, 4L, FAILED, 5L), 9, 3,
                Optional.empty(), Optional.empty());

        assertThat(stats.total()).isEqualTo(15);
    }

    @Test
    void givenMutableInputMap_whenChangedAfterCreation_thenSummaryIsUnaffectedAndUnmodifiable() {
        Map<InvoiceStatus, Long> counts = new EnumMap<>(InvoiceStatus.class);
        counts.put(PAID, 2L);
        StatsSummary stats = new StatsSummary(counts, 2, 2, Optional.empty(), Optional.empty());

        counts.put(PAID, 99L);
        counts.put(SENT, 5L);

        assertThat(stats.countsByStatus()).containsEntry(PAID, 2L).containsEntry(SENT, 0L);
        assertThat(stats.total()).isEqualTo(2);
        assertThatThrownBy(() -> stats.countsByStatus().put(FAILED, 1L))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void givenNullOptionalDurations_whenCreated_thenRejected() {
        Map<InvoiceStatus, Long> counts = new HashMap<>();
        assertThatNullPointerException()
                .isThrownBy(() -> new StatsSummary(counts, 0, 0, null, Optional.empty()));
        assertThatNullPointerException()
                .isThrownBy(() -> new StatsSummary(counts, 0, 0, Optional.empty(), null));
    }
}
