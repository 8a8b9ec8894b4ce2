package ke.invoiceiq.domain.invoice;

import static ke.invoiceiq.domain.invoice.InvoiceFixtures.CUSTOMER;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.GIVEN_UP;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.IN_FLIGHT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.NOW;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.PAYING;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.POLICY;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.RECEIPT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.STRANGER;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.anInvoice;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.attempt;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.failedCallback;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.invoiceIn;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.keyOf;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.paidCallback;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.startedAndNamed;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.CANCELLED;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.FAILED;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.PAID;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.PENDING;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Someone taps Pay: what the invoice answers, in the order it decides (whose number asked; a key that asked
 * before; paid; cancelled; a prompt that may still be open; a pause the last failure asked for), and what a new
 * attempt asks for: the balance, in whole shillings.
 */
class InvoiceRequestPaymentTest {

    private static final PaymentId NEW = new PaymentId("pay-new");
    private static final IdempotencyKey FRESH = keyOf(NEW);
    private static final Optional<Msisdn> CUSTOMER_ASKS = Optional.of(CUSTOMER.msisdn());
    private static final Optional<Msisdn> PAY_PAGE = Optional.empty();
    private static final Optional<Msisdn> STRANGER_ASKS = Optional.of(STRANGER);
    private static final Instant CANCELLED_BY_CUSTOMER_AT = NOW.minusSeconds(30);

    /** A SENT invoice whose last attempt the customer cancelled on the phone (1032) half a minute before NOW. */
    private static Invoice coolingDown() {
        PaymentId cancelled = new PaymentId("pay-cancelled");
        return startedAndNamed(invoiceIn(SENT), cancelled, NOW.minusSeconds(60))
                .settle(cancelled, failedCallback(cancelled, 1032, CANCELLED_BY_CUSTOMER_AT), POLICY,
                        CANCELLED_BY_CUSTOMER_AT)
                .invoice();
    }

    /**
     * One tap: on which invoice, by whom, with which key, and the answer expected; {@code expected} is empty where
     * a new attempt must start (checked by {@link #thenANewAttemptForTheBalance}).
     */
    record Row(String given, Supplier<Invoice> invoice, Optional<Msisdn> asker, Function<Invoice, IdempotencyKey> key,
            Function<Invoice, Optional<PaymentRequest>> expected) {
        @Override
        public String toString() {
            return given + ", asked by " + asker.map(a -> a.equals(STRANGER) ? "a stranger" : "the customer")
                    .orElse("the pay page");
        }
    }

    private static Row row(String given, Supplier<Invoice> invoice, Optional<Msisdn> asker,
            Function<Invoice, IdempotencyKey> key, Function<Invoice, PaymentRequest> expected) {
        return new Row(given, invoice, asker, key, inv -> Optional.of(expected.apply(inv)));
    }

    private static Row starts(String given, Supplier<Invoice> invoice, Optional<Msisdn> asker) {
        return new Row(given, invoice, asker, inv -> FRESH, inv -> Optional.empty());
    }

    private static Function<Invoice, IdempotencyKey> keyOfAttempt(PaymentId id) {
        return inv -> attempt(inv, id).idempotencyKey();
    }

    private static Function<Invoice, PaymentRequest> replayOf(PaymentId id) {
        return inv -> new PaymentRequest.Replay(attempt(inv, id));
    }

    static List<Row> table() {
        Supplier<Invoice> paid = () -> invoiceIn(PAID);
        Supplier<Invoice> paidWithAPromptOpen = () -> anInvoice().status(PAID).withAttemptGivenUp()
                .withAttemptInFlight().build();
        Supplier<Invoice> cancelled = () -> anInvoice().status(CANCELLED).withAttemptGivenUp().build();
        Supplier<Invoice> inFlight = () -> anInvoice().status(SENT).withAttemptInFlight().build();
        return List.of(
                starts("a sent invoice", () -> invoiceIn(SENT), CUSTOMER_ASKS),
                starts("a sent invoice", () -> invoiceIn(SENT), PAY_PAGE),
                starts("an invoice not delivered yet", () -> invoiceIn(PENDING), PAY_PAGE),
                starts("an invoice no channel delivered", () -> invoiceIn(FAILED), CUSTOMER_ASKS),
                starts("an attempt given up", () -> anInvoice().status(SENT).withAttemptGivenUp().build(),
                        CUSTOMER_ASKS),
                row("a sent invoice", () -> invoiceIn(SENT), STRANGER_ASKS, inv -> FRESH,
                        inv -> new PaymentRequest.NotYours()),
                row("a paid invoice and the key that paid it", paid, STRANGER_ASKS, keyOfAttempt(PAYING),
                        inv -> new PaymentRequest.NotYours()),
                row("a paid invoice and the key that paid it", paid, CUSTOMER_ASKS, keyOfAttempt(PAYING),
                        replayOf(PAYING)),
                row("a paid invoice and the key that paid it", paid, PAY_PAGE, keyOfAttempt(PAYING),
                        replayOf(PAYING)),
                row("a paid invoice", paid, CUSTOMER_ASKS, inv -> FRESH, inv -> new PaymentRequest.AlreadyPaid()),
                row("a paid invoice with another prompt still open", paidWithAPromptOpen, PAY_PAGE, inv -> FRESH,
                        inv -> new PaymentRequest.AlreadyPaid()),
                row("a cancelled invoice", cancelled, CUSTOMER_ASKS, inv -> FRESH,
                        inv -> new PaymentRequest.Cancelled()),
                row("a cancelled invoice and the key of its attempt", cancelled, CUSTOMER_ASKS,
                        keyOfAttempt(GIVEN_UP), replayOf(GIVEN_UP)),
                row("a prompt in flight", inFlight, CUSTOMER_ASKS, inv -> FRESH,
                        inv -> new PaymentRequest.InFlight(attempt(inv, IN_FLIGHT))),
                row("a prompt in flight and its own key", inFlight, PAY_PAGE, keyOfAttempt(IN_FLIGHT),
                        replayOf(IN_FLIGHT)),
                row("a prompt in flight", inFlight, STRANGER_ASKS, inv -> FRESH,
                        inv -> new PaymentRequest.NotYours()),
                row("the customer cancelled the last prompt 30 s ago", InvoiceRequestPaymentTest::coolingDown,
                        CUSTOMER_ASKS, inv -> FRESH,
                        inv -> new PaymentRequest.CoolingDown(CANCELLED_BY_CUSTOMER_AT.plus(POLICY.cooldown()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void givenInvoice_whenSomeoneTapsPay_thenTheInvoiceAnswers(Row row) {
        Invoice before = row.invoice().get();

        PaymentRequest request = before.requestPayment(row.asker(), NEW, row.key().apply(before), POLICY, NOW);

        Optional<PaymentRequest> expected = row.expected().apply(before);
        if (expected.isPresent()) {
            assertThat(request).isEqualTo(expected.get());
        } else {
            thenANewAttemptForTheBalance(before, request, row.key().apply(before));
        }
    }

    private static void thenANewAttemptForTheBalance(Invoice before, PaymentRequest request, IdempotencyKey key) {
        assertThat(request).isInstanceOf(PaymentRequest.Start.class);
        PaymentRequest.Start start = (PaymentRequest.Start) request;
        Payment attempt = start.attempt();
        assertThat(attempt.id()).isEqualTo(NEW);
        assertThat(attempt.idempotencyKey()).isEqualTo(key);
        assertThat(attempt.invoiceId()).isEqualTo(before.id());
        assertThat(attempt.payer()).as("the push goes to the invoiced number").isEqualTo(CUSTOMER.msisdn());
        assertThat(attempt.amount().cents()).isEqualTo((before.balance().cents() + 99) / 100 * 100);
        assertThat(attempt.status()).isEqualTo(PaymentStatus.INITIATED);
        assertThat(attempt.isNamed()).isFalse();
        assertThat(attempt.createdAt()).isEqualTo(NOW);
        assertThat(start.invoice().payments()).containsExactlyElementsOf(
                Stream.concat(before.payments().stream(), Stream.of(attempt))
                        .toList());
        assertThat(start.invoice().attemptInFlight()).contains(attempt);
        assertThat(start.invoice().status()).isEqualTo(before.status());
        assertThat(start.invoice().version()).isEqualTo(before.version());
    }

    @Test
    void givenCustomerCancelledTheLastPrompt_whenTheCooldownHasPassed_thenANewPromptStarts() {
        Invoice invoice = coolingDown();
        Instant until = CANCELLED_BY_CUSTOMER_AT.plus(POLICY.cooldown());

        PaymentRequest justBefore = invoice.requestPayment(CUSTOMER_ASKS, NEW, FRESH, POLICY, until.minusMillis(1));
        PaymentRequest atTheEnd = invoice.requestPayment(CUSTOMER_ASKS, NEW, FRESH, POLICY, until);

        assertThat(justBefore).isEqualTo(new PaymentRequest.CoolingDown(until));
        assertThat(atTheEnd).isInstanceOf(PaymentRequest.Start.class);
    }

    /** What was paid before, and what the next prompt asks for: the balance, rounded up to whole shillings. */
    @ParameterizedTest(name = "paid {0} of 2,500 -> asks {1}")
    @CsvSource({
        "1000,    1500",
        "1000.50, 1500",
        "1000.01, 1500",
        "1000.99, 1500",
        "0.01,    2500",
        "2499,    1",
        "2499.01, 1",
        "2499.99, 1"
    })
    void givenInvoicePartlyPaid_whenTheCustomerTapsPayAgain_thenTheNewPromptAsksForTheBalanceRoundedUp(String paid,
            long asks) {
        PaymentId first = new PaymentId("pay-first");
        Instant paidAt = NOW.minus(Duration.ofMinutes(10));
        Invoice partlyPaid = startedAndNamed(invoiceIn(SENT), first, paidAt.minusSeconds(30))
                .settle(first, paidCallback(first, paid, RECEIPT, paidAt), POLICY, paidAt).invoice();

        PaymentRequest request = partlyPaid.requestPayment(CUSTOMER_ASKS, NEW, FRESH, POLICY, NOW);

        assertThat(partlyPaid.status()).isEqualTo(SENT);
        assertThat(request).isInstanceOfSatisfying(PaymentRequest.Start.class,
                start -> assertThat(start.attempt().amount()).isEqualTo(Amount.ofShillings(asks)));
        thenANewAttemptForTheBalance(partlyPaid, request, FRESH);
    }

    @Test
    void givenTheSameKey_whenTappedTwice_thenOneAttemptAndTheSecondTapReplaysIt() {
        PaymentRequest.Start first = (PaymentRequest.Start) invoiceIn(SENT)
                .requestPayment(CUSTOMER_ASKS, NEW, FRESH, POLICY, NOW);

        PaymentRequest again = first.invoice().requestPayment(PAY_PAGE, new PaymentId("pay-other"), FRESH, POLICY,
                NOW.plusSeconds(1));

        assertThat(again).isEqualTo(new PaymentRequest.Replay(first.attempt()));
        assertThat(first.invoice().payments()).hasSize(1);
    }
}
