package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.msisdn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.ReplyCooldowns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReplyCooldowns} must do: one automatic reply per number, channel and period, decided
 * atomically; the retention purge forgets cooldowns started strictly before the cutoff, at most {@code limit} per
 * call.
 */
public abstract class ReplyCooldownsContract {

    private static final Duration HOUR = Duration.ofHours(1);

    /** No cooldown running; called once before each test. */
    protected abstract ReplyCooldowns cooldowns();

    private ReplyCooldowns cooldowns;

    @BeforeEach
    void startEmpty() {
        cooldowns = cooldowns();
    }

    @Test
    void givenNoReplyYet_whenStarted_thenAllowedOnceUntilThePeriodHasPassed() {
        assertThat(cooldowns.tryStart(msisdn(1), Channel.SMS, at(0), HOUR)).isTrue();

        assertThat(cooldowns.tryStart(msisdn(1), Channel.SMS, at(1), HOUR)).isFalse();
        assertThat(cooldowns.tryStart(msisdn(1), Channel.SMS, at(3_599), HOUR)).isFalse();
        assertThat(cooldowns.tryStart(msisdn(1), Channel.SMS, at(3_600), HOUR)).as("exactly one period later")
                .isTrue();
        assertThat(cooldowns.tryStart(msisdn(1), Channel.SMS, at(3_601), HOUR)).as("restarted at 3 600 s").isFalse();
    }

    @Test
    void givenARefusedAttempt_whenThePeriodPassesFromTheFirstReply_thenAllowed() {
        cooldowns.tryStart(msisdn(1), Channel.SMS, at(0), HOUR);
        cooldowns.tryStart(msisdn(1), Channel.SMS, at(1_800), HOUR);

        assertThat(cooldowns.tryStart(msisdn(1), Channel.SMS, at(3_600), HOUR))
                .as("a refused attempt does not push the cooldown back").isTrue();
    }

    @Test
    void tellsNumbersAndChannelsApart() {
        cooldowns.tryStart(msisdn(1), Channel.SMS, at(0), HOUR);

        assertThat(cooldowns.tryStart(msisdn(2), Channel.SMS, at(1), HOUR)).isTrue();
        assertThat(cooldowns.tryStart(msisdn(1), Channel.WHATSAPP, at(1), HOUR)).isTrue();
    }

    @Test
    void givenManyMessagesAtOnce_whenEachTriesToStart_thenExactlyOneIsAllowed() throws InterruptedException {
        var answers = Concurrently.run(20, i -> cooldowns.tryStart(msisdn(7), Channel.SMS, at(i % 3), HOUR));

        assertThat(answers).filteredOn(Boolean::booleanValue).hasSize(1);
    }

    @Test
    void givenCooldownsBeforeAtAndAfterTheCutoff_whenPurged_thenOnlyTheOlderAreForgotten() {
        cooldowns.tryStart(msisdn(1), Channel.SMS, at(0), HOUR);
        cooldowns.tryStart(msisdn(2), Channel.SMS, at(10), HOUR);
        cooldowns.tryStart(msisdn(3), Channel.SMS, at(11), HOUR);

        assertThat(cooldowns.purgeBefore(at(10), 100)).isEqualTo(1);

        assertThat(cooldowns.tryStart(msisdn(1), Channel.SMS, at(12), HOUR)).as("forgotten").isTrue();
        assertThat(cooldowns.tryStart(msisdn(2), Channel.SMS, at(12), HOUR)).isFalse();
        assertThat(cooldowns.tryStart(msisdn(3), Channel.SMS, at(12), HOUR)).isFalse();
    }

    @Test
    void givenMoreExpiredCooldownsThanTheLimit_whenPurgedRepeatedly_thenEachCallForgetsAtMostTheLimit() {
        for (int i = 0; i < 5; i++) {
            cooldowns.tryStart(msisdn(i), Channel.SMS, at(i), HOUR);
        }

        assertThat(cooldowns.purgeBefore(at(100), 0)).isZero();
        assertThatThrownBy(() -> cooldowns.purgeBefore(at(100), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(cooldowns.purgeBefore(at(100), 2)).isEqualTo(2);
        assertThat(cooldowns.purgeBefore(at(100), 2)).isEqualTo(2);
        assertThat(cooldowns.purgeBefore(at(100), 2)).isEqualTo(1);
        assertThat(cooldowns.purgeBefore(at(100), 2)).isZero();
    }
}
