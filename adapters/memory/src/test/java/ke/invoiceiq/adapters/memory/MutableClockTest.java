package ke.invoiceiq.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    void standsStillUntilMoved() {
        var clock = new MutableClock(Instant.parse("2026-03-02T06:00:00Z"));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-02T06:00:00Z"));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.advance(Duration.ofMinutes(5))).isEqualTo(Instant.parse("2026-03-02T06:05:00Z"));
        clock.set(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
    }

    @Test
    void aViewInAnotherZoneFollowsTheClock() {
        var clock = new MutableClock();
        var nairobi = clock.withZone(ZoneId.of("Africa/Nairobi"));

        clock.advance(Duration.ofHours(1));

        assertThat(nairobi.instant()).isEqualTo(MutableClock.DEFAULT_START.plus(Duration.ofHours(1)));
        assertThat(nairobi.getZone()).isEqualTo(ZoneId.of("Africa/Nairobi"));
    }
}
