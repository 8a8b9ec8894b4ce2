package ke.invoiceiq.domain.invoice;

import static ke.invoiceiq.domain.invoice.InvoiceFixtures.NOW;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.failedCallback;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.invoiceIn;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.keyOf;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.started;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.payment.PaymentAttemptPolicy;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.payment.StkResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * After an attempt ends without money, what the customer is told and what the invoice then does agree: the
 * settlement's {@code retryFrom}, the answer to the next tap at every instant around it, and the sentence the
 * customer reads, for each reason an attempt can end for and for more than one configured cooldown.
 */
class CooldownByReasonTest {

    private static final PaymentId ENDED = new PaymentId("pay-ended");
    private static final PaymentId NEXT = new PaymentId("pay-next");

    /** A reason, the configured cooldown, and whether that reason waits for it. */
    record Row(StkReason reason, Duration cooldown, boolean waits) {
        @Override
        public String toString() {
            return reason + " with cooldown " + cooldown + (waits ? ": waits" : ": at once");
        }
    }

    private static final EnumSet<StkReason> WAIT = EnumSet.of(StkReason.CANCELLED_BY_USER,
            StkReason.PHONE_UNREACHABLE, StkReason.RULE_LIMITED);

    static List<Row> table() {
        List<Row> rows = new ArrayList<>();
        for (Duration cooldown : List.of(Duration.ofMinutes(2), Duration.ofMinutes(5))) {
            for (StkReason reason : EnumSet.complementOf(EnumSet.of(StkReason.PAID))) {
                rows.add(new Row(reason, cooldown, WAIT.contains(reason)));
            }
        }
        return rows;
    }

    /** Ends the invoice's attempt at {@code at} for {@code reason}, the way that reason ends one. */
    private static Settlement endedFor(StkReason reason, PaymentAttemptPolicy policy, Instant at) {
        Invoice requested = started(invoiceIn(SENT), ENDED, at.minusSeconds(30)).invoice();
        if (reason == StkReason.NO_ANSWER) {
            return requested.giveUp(ENDED, at);
        }
        if (reason.refusedBeforePrompt()) {
            return requested.pushRefused(ENDED, StkResult.of(reason.code()), policy, at);
        }
        int code = reason == StkReason.OTHER ? 26 : reason.code();
        return requested.settle(ENDED, failedCallback(ENDED, code, at), policy, at);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void givenAttemptEndedForAReason_whenTheCustomerTapsAroundTheCooldown_thenRetryFromAndTheAnswerAgree(Row row) {
        PaymentAttemptPolicy policy = new PaymentAttemptPolicy(row.cooldown());
        Settlement settlement = endedFor(row.reason(), policy, NOW);
        Invoice ended = settlement.invoice();
        Instant cooledDown = NOW.plus(row.cooldown());

        Optional<Instant> retryFrom = switch (settlement) {
            case Settlement.Failed failed -> {
                assertThat(failed.reason()).isEqualTo(row.reason());
                yield failed.retryFrom();
            }
            case Settlement.NoAnswer noAnswer -> Optional.empty();
            default -> throw new AssertionError("an attempt that ended without money: " + settlement);
        };

        assertThat(ended.payment(ENDED).orElseThrow().endReason()).contains(row.reason());
        assertThat(retryFrom).isEqualTo(row.waits() ? Optional.of(cooledDown) : Optional.empty());
        for (Instant at : List.of(NOW, NOW.plusSeconds(1), cooledDown.minusMillis(1), cooledDown,
                cooledDown.plusSeconds(1))) {
            PaymentRequest request = ended.requestPayment(Optional.empty(), NEXT, keyOf(NEXT), policy, at);
            if (retryFrom.isPresent() && at.isBefore(retryFrom.get())) {
                assertThat(request).as("at %s", at).isEqualTo(new PaymentRequest.CoolingDown(retryFrom.get()));
            } else {
                assertThat(request).as("at %s", at).isInstanceOf(PaymentRequest.Start.class);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void givenAttemptEndedForAReason_whenTheCustomerReadsWhy_thenThePauseIsNamedExactlyWhenThereIsOne(Row row) {
        long minutes = row.cooldown().toMinutes();

        String sentence = row.reason().customerSentence(row.cooldown());

        assertThat(sentence).contains("Pay with M-PESA");
        assertThat(row.reason().retry() == StkReason.Retry.AFTER_COOLDOWN).isEqualTo(row.waits());
        if (row.waits()) {
            assertThat(sentence).contains(minutes + " minutes");
        } else {
            assertThat(sentence).doesNotContain("minute");
        }
    }

    @Test
    void givenTheTable_whenCounted_thenEveryReasonButPaidAppearsForEachCooldown() {
        assertThat(table()).hasSize(2 * (StkReason.values().length - 1));
        assertThat(table().stream().filter(Row::waits).map(Row::reason).distinct())
                .containsExactlyInAnyOrder(StkReason.CANCELLED_BY_USER, StkReason.PHONE_UNREACHABLE,
                        StkReason.RULE_LIMITED);
    }
}
