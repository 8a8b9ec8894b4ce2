package ke.invoiceiq.domain.payment;

import static ke.invoiceiq.domain.payment.PaymentFixtures.T0;
import static ke.invoiceiq.domain.payment.PaymentFixtures.initiated;
import static ke.invoiceiq.domain.payment.PaymentFixtures.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the reconciler's next STK query of an unanswered attempt is due: 60 s, then the wait doubles, capped. */
class PaymentQueryDueTest {

    private static final Duration QUERY_AFTER = Duration.ofSeconds(60);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(2);

    /** The attempt was named at T0; {@code queriedAt} lists the inconclusive queries before {@code now}. */
    @ParameterizedTest(name = "queried at [{0}], at {1} s due: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''              |   0 | false
            ''              |  59 | false
            ''              |  60 | true
            ''              | 500 | true
            60              |  60 | false
            60              | 119 | false
            60              | 120 | true
            61              | 120 | false
            60 120          | 180 | false
            60 120          | 239 | false
            60 120          | 240 | true
            60 120 240      | 300 | false
            60 120 240      | 359 | false
            60 120 240      | 360 | true
            60 120 240 360  | 479 | false
            60 120 240 360  | 480 | true
            70 300          | 400 | false
            70 300          | 420 | true
            """)
    void waitsQueryAfterThenDoublesTheWaitUpToTheCap(String queriedAt, long now, boolean due) {
        Payment attempt = named("pay-1", T0);
        for (String at : queriedAt.isBlank() ? new String[0] : queriedAt.trim().split(" +")) {
            attempt = attempt.queried(T0.plusSeconds(Long.parseLong(at)));
        }

        assertThat(attempt.queryDue(T0.plusSeconds(now), QUERY_AFTER, MAX_BACKOFF)).isEqualTo(due);
    }

    @ParameterizedTest(name = "after {0} queries wait {1} s")
    @CsvSource({"1, 60", "2, 120", "3, 120", "4, 120", "40, 120", "2147483647, 120"})
    void theWaitAfterEachQueryDoublesUpToTheCap(int queries, long seconds) {
        assertThat(Payment.backoffAfter(queries, QUERY_AFTER, MAX_BACKOFF)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void givenNoCheckoutRequestId_thenNeverDue() {
        Payment pushDied = initiated("pay-1", T0);

        assertThat(pushDied.queryDue(T0.plus(Duration.ofHours(1)), QUERY_AFTER, MAX_BACKOFF)).isFalse();
    }

    @Test
    void givenSettledAttempt_thenNeverDue() {
        Payment failed = named("pay-1", T0).failed(StkResult.of(1032), T0.plusSeconds(5));

        assertThat(failed.queryDue(T0.plus(Duration.ofHours(1)), QUERY_AFTER, MAX_BACKOFF)).isFalse();
    }

    @Test
    void givenAQuery_thenCountedAndTimedAndKeptThroughSettlement() {
        Instant at = T0.plusSeconds(61);
        Payment queried = named("pay-1", T0).queried(at);

        assertThat(queried.queries()).isEqualTo(1);
        assertThat(queried.lastQueriedAt()).contains(at);
        assertThat(queried.status()).isEqualTo(PaymentStatus.INITIATED);
        Payment expired = queried.queried(T0.plusSeconds(121)).expired(T0.plusSeconds(300));
        assertThat(expired.queries()).isEqualTo(2);
        assertThat(expired.lastQueriedAt()).contains(T0.plusSeconds(121));
        assertThatThrownBy(() -> expired.queried(T0.plusSeconds(301))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenQueriesWithoutATime_whenConstructed_thenRejected() {
        Payment ok = named("pay-1", T0);
        assertThatIllegalArgumentException().isThrownBy(() -> new Payment(ok.id(), ok.invoiceId(), ok.payer(),
                ok.amount(), ok.idempotencyKey(), ok.status(), ok.merchantRequestId(), ok.checkoutRequestId(),
                ok.result(), ok.receipt(), ok.transactionTime(), ok.received(), ok.createdAt(), ok.updatedAt(), 1,
                Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new Payment(ok.id(), ok.invoiceId(), ok.payer(),
                ok.amount(), ok.idempotencyKey(), ok.status(), ok.merchantRequestId(), ok.checkoutRequestId(),
                ok.result(), ok.receipt(), ok.transactionTime(), ok.received(), ok.createdAt(), ok.updatedAt(), -1,
                Optional.empty()));
    }
}
