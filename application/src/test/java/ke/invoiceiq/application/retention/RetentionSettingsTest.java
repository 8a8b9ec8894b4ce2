package ke.invoiceiq.application.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionSettingsTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void givenTheDefaults_whenRead_thenTheyAreTheDocumentedOnes() {
        assertThat(RetentionSettings.DEFAULT).isEqualTo(new RetentionSettings(Duration.ofDays(14),
                Duration.ofDays(14), Duration.ofDays(30), Duration.ofDays(180), Duration.ofDays(7), Duration.ofDays(2),
                1_000));
    }

    @Test
    void givenNoBatchSize_whenBuilt_thenTheDefaultBatchSizeIsUsed() {
        var settings = new RetentionSettings(Duration.ofDays(7), Duration.ofDays(3), DAY, DAY, DAY, DAY);

        assertThat(settings.batchSize()).isEqualTo(RetentionSettings.DEFAULT_BATCH_SIZE);
    }

    @Test
    void givenTheFloors_whenBuilt_thenTheyAreAccepted() {
        var settings = new RetentionSettings(RetentionSettings.MIN_INBOUND_EVENTS, RetentionSettings.MIN_OUTBOX,
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1), RetentionSettings.MIN_CONTACTS, 1);

        assertThat(settings.outbox()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void givenAZeroOrNegativeRetention_whenBuilt_thenRejectedNamingTheKind() {
        assertThatThrownBy(() -> new RetentionSettings(Duration.ofDays(14), Duration.ofDays(14), Duration.ZERO,
                DAY, DAY, DAY)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("paymentResults");
        assertThatThrownBy(() -> new RetentionSettings(Duration.ofDays(14), Duration.ofDays(14), DAY,
                Duration.ofDays(-180), DAY, DAY)).hasMessageContaining("messageLog");
        assertThatThrownBy(() -> new RetentionSettings(Duration.ofDays(14), Duration.ofDays(14), DAY, DAY,
                Duration.ZERO, DAY)).hasMessageContaining("chatSessions");
    }

    @Test
    void givenAMissingRetention_whenBuilt_thenRejectedNamingTheKind() {
        assertThatThrownBy(() -> new RetentionSettings(null, Duration.ofDays(14), DAY, DAY, DAY, DAY))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("inboundEvents");
    }

    @Test
    void givenAnOutboxRetentionShorterThanLateDeliveryReports_whenBuilt_thenRejected() {
        assertThatThrownBy(() -> new RetentionSettings(Duration.ofDays(14), Duration.ofDays(3).minusSeconds(1), DAY,
                DAY, DAY, DAY)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outbox");
    }

    @Test
    void givenInboundEventsForgottenWhileMetaMayStillRedeliver_whenBuilt_thenRejected() {
        assertThatThrownBy(() -> new RetentionSettings(Duration.ofDays(6), Duration.ofDays(14), DAY, DAY, DAY, DAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inboundEvents");
    }

    @Test
    void givenContactsForgottenInsideTheTwentyFourHourWindow_whenBuilt_thenRejected() {
        assertThatThrownBy(() -> new RetentionSettings(Duration.ofDays(14), Duration.ofDays(14), DAY, DAY, DAY,
                Duration.ofHours(23))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contacts");
    }

    @Test
    void givenABatchSizeBelowOne_whenBuilt_thenRejected() {
        assertThatThrownBy(() -> new RetentionSettings(Duration.ofDays(14), Duration.ofDays(14), DAY, DAY, DAY, DAY,
                0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
    }

    @Test
    void givenAReport_whenTotalled_thenEveryKindCountsButNotTheFailures() {
        assertThat(new PurgeReport(1, 2, 3, 4, 5, 6, 7, 8, 9, 1).total()).isEqualTo(45);
        assertThatThrownBy(() -> new PurgeReport(-1, 0, 0, 0, 0, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
