package ke.invoiceiq.adapters.whatsapp.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecipientPacerTest {

    private static final Instant T0 = Instant.parse("2026-08-01T10:00:00Z");
    private final RecipientPacer pacer = new RecipientPacer(Duration.ofSeconds(6));

    @Test
    void givenRecipientMessaged_whenAgainWithinInterval_thenTimeLeftReturned() {
        assertThat(pacer.tryAcquire("254712345678", T0)).isEmpty();

        assertThat(pacer.tryAcquire("254712345678", T0.plusSeconds(2))).contains(Duration.ofSeconds(4));
        assertThat(pacer.tryAcquire("254787654321", T0.plusSeconds(2))).isEmpty();
    }

    @Test
    void givenIntervalPassed_whenAgain_thenAllowed() {
        pacer.tryAcquire("254712345678", T0);

        assertThat(pacer.tryAcquire("254712345678", T0.plusSeconds(6))).isEmpty();
    }

    @Test
    void givenTurnReleased_whenAgain_thenAllowed() {
        pacer.tryAcquire("254712345678", T0);
        pacer.release("254712345678", T0);

        assertThat(pacer.tryAcquire("254712345678", T0.plusMillis(10))).isEmpty();
    }

    @Test
    void givenManyOldRecipients_whenNewOnesArrive_thenExpiredEntriesSwept() {
        for (int i = 0; i < 5_000; i++) {
            pacer.tryAcquire("2547" + (10_000_000 + i), T0);
        }
        for (int i = 0; i < 200; i++) {
            pacer.tryAcquire("2541" + (10_000_000 + i), T0.plusSeconds(60));
        }

        assertThat(pacer.size()).isLessThanOrEqualTo(RecipientPacer.SWEEP_ABOVE + 200);
    }

    @Test
    void givenZeroInterval_whenAgain_thenNeverPaced() {
        RecipientPacer off = new RecipientPacer(Duration.ZERO);
        off.tryAcquire("254712345678", T0);

        assertThat(off.tryAcquire("254712345678", T0)).isEmpty();
    }
}
