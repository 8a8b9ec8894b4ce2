package ke.invoiceiq.domain.payment;

import static ke.invoiceiq.domain.payment.PaymentFixtures.T0;
import static ke.invoiceiq.domain.payment.PaymentFixtures.endedAt;
import static ke.invoiceiq.domain.payment.PaymentFixtures.initiated;
import static ke.invoiceiq.domain.payment.PaymentFixtures.named;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which attempts an operator may ask M-PESA about now: in flight and named by Daraja, whatever the backoff. */
class PaymentQueryableTest {

    @Test
    void givenANamedAttemptInFlight_whenAskedJustAfterThePush_thenItIsQueryableThoughNoQueryIsDueYet() {
        Payment attempt = named("p-1", T0);

        assertThat(attempt.isQueryable()).isTrue();
        assertThat(attempt.queryDue(T0.plusSeconds(1), java.time.Duration.ofSeconds(60),
                java.time.Duration.ofMinutes(2))).isFalse();
    }

    @Test
    void givenAnAttemptDarajaNeverNamed_whenAsked_thenItIsNotQueryable() {
        assertThat(initiated("p-1", T0).isQueryable()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = PaymentStatus.class, names = "INITIATED", mode = EnumSource.Mode.EXCLUDE)
    void givenAnAttemptThatEnded_whenAsked_thenItIsNotQueryable(PaymentStatus status) {
        assertThat(endedAt("p-1", status, T0.plusSeconds(30)).isQueryable()).isFalse();
    }
}
