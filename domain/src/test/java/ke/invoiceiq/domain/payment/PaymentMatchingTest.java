package ke.invoiceiq.domain.payment;

import static ke.invoiceiq.domain.payment.PaymentFixtures.AMOUNT;
import static ke.invoiceiq.domain.payment.PaymentFixtures.INVOICE;
import static ke.invoiceiq.domain.payment.PaymentFixtures.PAYER;
import static ke.invoiceiq.domain.payment.PaymentFixtures.RECEIPT;
import static ke.invoiceiq.domain.payment.PaymentFixtures.SUCCESS;
import static ke.invoiceiq.domain.payment.PaymentFixtures.T0;
import static ke.invoiceiq.domain.payment.PaymentFixtures.initiated;
import static ke.invoiceiq.domain.payment.PaymentFixtures.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which attempt money belongs to when its CheckoutRequestID names none of ours: an attempt Daraja never named to
 * us, started by the same payer for the same amount shortly before the result reached us. Times are compared on our
 * own clock, the one the attempts were stamped with; M-PESA's transaction time is Safaricom's and plays no part.
 */
class PaymentMatchingTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    /** When the result reached us, on our clock. */
    private static final Instant HEARD_AT = T0.plus(Duration.ofHours(1));
    /** M-PESA's transaction time as a callback states it: Safaricom's local time (UTC+3) read as if it were ours. */
    private static final Instant MPESA_SAYS = HEARD_AT.plus(Duration.ofHours(3));
    private static final PaymentMatching MATCHING = new PaymentMatching(WINDOW);
    private static final CheckoutRequestId STRAY = new CheckoutRequestId("ws_CO_stray");

    /** A successful callback for KES 2,500 from {@link PaymentFixtures#PAYER} that reached us at {@link #HEARD_AT}. */
    private static PaymentResult money() {
        return new PaymentResult(STRAY, Optional.empty(), SUCCESS, Optional.of(new BigDecimal("2500.00")),
                Optional.of(RECEIPT), Optional.of(MPESA_SAYS), Optional.of(PAYER), HEARD_AT);
    }

    private static Payment unnamedStartedAt(String id, Instant at) {
        return initiated(id, at);
    }

    /** One candidate, one piece of money, and whether they match. */
    record Row(String given, Payment candidate, UnaryOperator<PaymentResult> money, boolean matches) {
        @Override
        public String toString() {
            return given + (matches ? " -> matches" : " -> no match");
        }
    }

    private static Row row(String given, Payment candidate, boolean matches) {
        return new Row(given, candidate, r -> r, matches);
    }

    private static Row row(String given, Payment candidate, UnaryOperator<PaymentResult> money, boolean matches) {
        return new Row(given, candidate, money, matches);
    }

    static List<Row> singleCandidates() {
        Instant minuteBefore = HEARD_AT.minus(Duration.ofMinutes(1));
        return List.of(
                row("an unnamed attempt in flight a minute before", unnamedStartedAt("pay-1", minuteBefore), true),
                row("an unnamed attempt given up", unnamedStartedAt("pay-1", minuteBefore).expired(HEARD_AT), true),
                // the rule looks at whether Daraja named it, not at how it ended
                row("an unnamed attempt refused on the spot",
                        unnamedStartedAt("pay-1", minuteBefore).failed(StkResult.of(1001), minuteBefore), true),
                row("a named attempt: its own ids find it", named("pay-1", minuteBefore), false),
                row("an unnamed attempt that already has its money", unnamedStartedAt("pay-1", minuteBefore)
                        .succeeded(SUCCESS, Optional.empty(), Optional.empty(), Money.of(AMOUNT), minuteBefore),
                        false),
                row("another payer's attempt", Payment.initiate(new PaymentId("pay-1"), INVOICE,
                        new Msisdn("254700000001"), AMOUNT, new IdempotencyKey("key-1"), minuteBefore), false),
                row("an attempt for another amount", Payment.initiate(new PaymentId("pay-1"), INVOICE, PAYER,
                        Amount.ofShillings(2_499), new IdempotencyKey("key-1"), minuteBefore), false),
                row("an attempt for another amount, money whose amount is unknown",
                        Payment.initiate(new PaymentId("pay-1"), INVOICE, PAYER, Amount.ofShillings(2_499),
                                new IdempotencyKey("key-1"), minuteBefore),
                        r -> withAmount(r, Optional.empty()), true),
                row("an attempt for another amount, money whose amount is unusable",
                        Payment.initiate(new PaymentId("pay-1"), INVOICE, PAYER, Amount.ofShillings(2_499),
                                new IdempotencyKey("key-1"), minuteBefore),
                        r -> withAmount(r, Optional.of(BigDecimal.ZERO)), true),
                row("money with cents, attempt for the whole shillings", unnamedStartedAt("pay-1", minuteBefore),
                        r -> withAmount(r, Optional.of(new BigDecimal("2500.50"))), false),
                row("started exactly one window before", unnamedStartedAt("pay-1", HEARD_AT.minus(WINDOW)), true),
                row("started just over a window before",
                        unnamedStartedAt("pay-1", HEARD_AT.minus(WINDOW).minusSeconds(1)), false),
                row("started after the money moved, within the clock skew",
                        unnamedStartedAt("pay-1", HEARD_AT.plus(PaymentMatching.SKEW)), true),
                row("started after the money moved, beyond the clock skew",
                        unnamedStartedAt("pay-1", HEARD_AT.plus(PaymentMatching.SKEW).plusSeconds(1)), false),
                row("started shortly before M-PESA's transaction time, which is not our clock",
                        unnamedStartedAt("pay-1", MPESA_SAYS.minus(Duration.ofMinutes(1))), false),
                row("money without a transaction time", unnamedStartedAt("pay-1", minuteBefore),
                        r -> new PaymentResult(r.checkoutRequestId(), r.merchantRequestId(), r.result(), r.amount(),
                                r.receipt(), Optional.empty(), r.phone(), r.receivedAt()), true),
                row("a failure, not money", unnamedStartedAt("pay-1", minuteBefore),
                        r -> new PaymentResult(STRAY, Optional.empty(), StkResult.of(1032), Optional.empty(),
                                Optional.empty(), Optional.empty(), Optional.of(PAYER), HEARD_AT), false),
                row("money without the paying number", unnamedStartedAt("pay-1", minuteBefore),
                        r -> new PaymentResult(r.checkoutRequestId(), r.merchantRequestId(), r.result(), r.amount(),
                                r.receipt(), r.transactionTime(), Optional.empty(), r.receivedAt()), false));
    }

    private static PaymentResult withAmount(PaymentResult r, Optional<BigDecimal> amount) {
        return new PaymentResult(r.checkoutRequestId(), r.merchantRequestId(), r.result(), amount, r.receipt(),
                r.transactionTime(), r.phone(), r.receivedAt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleCandidates")
    void givenOneCandidate_whenMoneyNamesNoAttempt_thenItMatchesOnlyAnUnnamedAttemptOfThatPayerAmountAndTime(Row row) {
        Optional<Payment> match = MATCHING.byPayerAmountAndTime(List.of(row.candidate()), row.money().apply(money()));

        assertThat(match).isEqualTo(row.matches() ? Optional.of(row.candidate()) : Optional.empty());
    }

    /** Several candidates, and which one the money is for. */
    record Choice(String given, List<Payment> candidates, String chosen) {
        @Override
        public String toString() {
            return given + " -> " + chosen;
        }
    }

    static List<Choice> severalCandidates() {
        Instant early = HEARD_AT.minus(Duration.ofMinutes(10));
        Instant late = HEARD_AT.minus(Duration.ofMinutes(1));
        return List.of(
                new Choice("one in flight and a later one given up",
                        List.of(unnamedStartedAt("pay-old", early), unnamedStartedAt("pay-new", late).expired(late)),
                        "pay-old"),
                new Choice("two given up",
                        List.of(unnamedStartedAt("pay-new", late).expired(late),
                                unnamedStartedAt("pay-old", early).expired(early)),
                        "pay-new"),
                new Choice("two given up, started at the same instant",
                        List.of(unnamedStartedAt("pay-b", late).expired(late),
                                unnamedStartedAt("pay-a", late).expired(late)),
                        "pay-b"),
                new Choice("a named one, a paid one and one candidate",
                        List.of(named("pay-named", late), unnamedStartedAt("pay-paid", late).succeeded(SUCCESS,
                                Optional.empty(), Optional.empty(), Money.of(AMOUNT), late),
                                unnamedStartedAt("pay-old", early).expired(early)),
                        "pay-old"),
                new Choice("one too early and one in the window",
                        List.of(unnamedStartedAt("pay-too-early", HEARD_AT.minus(Duration.ofHours(1))),
                                unnamedStartedAt("pay-in-window", early).expired(early)),
                        "pay-in-window"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("severalCandidates")
    void givenSeveralCandidates_whenMoneyNamesNoAttempt_thenInFlightBeatsGivenUpThenTheLatestWins(Choice choice) {
        Optional<Payment> match = MATCHING.byPayerAmountAndTime(choice.candidates(), money());

        assertThat(match.map(p -> p.id().value())).contains(choice.chosen());
    }

    @Test
    void givenNoCandidates_whenMoneyArrives_thenNoMatch() {
        assertThat(MATCHING.byPayerAmountAndTime(List.of(), money())).isEmpty();
    }

    @Test
    void givenWindow_whenNotPositive_thenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PaymentMatching(Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> new PaymentMatching(Duration.ofSeconds(-1)));
        assertThatNullPointerException().isThrownBy(() -> new PaymentMatching(null));
        assertThat(PaymentMatching.DEFAULT_WINDOW).isEqualTo(Duration.ofMinutes(15));
    }
}
