package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ke.invoiceiq.domain.messaging.InboundEventLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link InboundEventLog} must do. The retention purge forgets events seen strictly before the
 * cutoff (one seen exactly at it stays), at most {@code limit} per call, and answers how many it forgot.
 */
public abstract class InboundEventLogContract {

    /** An empty log; called once before each test. */
    protected abstract InboundEventLog log();

    private InboundEventLog log;

    @BeforeEach
    void startEmpty() {
        log = log();
    }

    @Test
    void seesAnEventFirstOnlyOnce() {
        assertThat(log.firstSeen("whatsapp", "wamid.HBgM1", at(0))).isTrue();
        assertThat(log.firstSeen("whatsapp", "wamid.HBgM1", at(5))).isFalse();
        assertThat(log.firstSeen("whatsapp", "wamid.HBgM1", at(3_600))).isFalse();
    }

    @Test
    void answersWhetherAnEventWasMarkedWithoutMarkingIt() {
        assertThat(log.seen("whatsapp", "wamid.HBgM1")).isFalse();
        assertThat(log.seen("whatsapp", "wamid.HBgM1")).as("asking marks nothing").isFalse();

        log.firstSeen("whatsapp", "wamid.HBgM1", at(0));

        assertThat(log.seen("whatsapp", "wamid.HBgM1")).isTrue();
        assertThat(log.seen("sms", "wamid.HBgM1")).isFalse();
    }

    @Test
    void tellsEventsApartByProviderAndId() {
        log.firstSeen("whatsapp", "ATXid_1", at(0));

        assertThat(log.firstSeen("sms", "ATXid_1", at(1))).isTrue();
        assertThat(log.firstSeen("whatsapp", "ATXid_2", at(2))).isTrue();
    }

    @Test
    void seesARedeliveryRacingTheFirstDeliveryOnlyOnceAsFirst() throws InterruptedException {
        var answers = Concurrently.run(20, i -> log.firstSeen("whatsapp", "wamid.HBgM1", at(i)));

        assertThat(answers).filteredOn(Boolean::booleanValue).hasSize(1);
    }

    @Test
    void givenEventsSeenBeforeAtAndAfterTheCutoff_whenPurged_thenOnlyTheOlderAreForgottenAndCounted() {
        log.firstSeen("whatsapp", "wamid.old", at(0));
        log.firstSeen("sms", "ATXid_old", at(9));
        log.firstSeen("whatsapp", "wamid.at-cutoff", at(10));
        log.firstSeen("whatsapp", "wamid.new", at(11));

        assertThat(log.purgeBefore(at(10), 100)).isEqualTo(2);

        assertThat(log.firstSeen("whatsapp", "wamid.at-cutoff", at(20))).isFalse();
        assertThat(log.firstSeen("whatsapp", "wamid.new", at(20))).isFalse();
        assertThat(log.firstSeen("whatsapp", "wamid.old", at(20))).as("forgotten, so seen first again").isTrue();
        assertThat(log.firstSeen("sms", "ATXid_old", at(20))).isTrue();
    }

    @Test
    void givenNothingOlderThanTheCutoff_whenPurged_thenNothingIsForgotten() {
        log.firstSeen("whatsapp", "wamid.1", at(10));

        assertThat(log.purgeBefore(at(10), 100)).isZero();
        assertThat(log.firstSeen("whatsapp", "wamid.1", at(11))).isFalse();
    }

    @Test
    void givenMoreExpiredEventsThanTheLimit_whenPurgedRepeatedly_thenEachCallForgetsAtMostTheLimit() {
        for (int i = 0; i < 5; i++) {
            log.firstSeen("whatsapp", "wamid." + i, at(i));
        }

        assertThat(log.purgeBefore(at(100), 0)).isZero();
        assertThatThrownBy(() -> log.purgeBefore(at(100), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(log.purgeBefore(at(100), 2)).isEqualTo(2);
        assertThat(log.purgeBefore(at(100), 2)).isEqualTo(2);
        assertThat(log.purgeBefore(at(100), 2)).isEqualTo(1);
        assertThat(log.purgeBefore(at(100), 2)).isZero();
        for (int i = 0; i < 5; i++) {
            assertThat(log.firstSeen("whatsapp", "wamid." + i, at(200))).isTrue();
        }
    }
}
