package ke.invoiceiq.application.payment;

import static ke.invoiceiq.application.payment.PaymentWorld.AMOUNT;
import static ke.invoiceiq.application.payment.PaymentWorld.CUSTOMER;
import static ke.invoiceiq.application.payment.PaymentWorld.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.AlreadyInFlight;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.AlreadyPaid;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.AwaitingMpesa;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.GatewayRejected;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.GatewayUnavailable;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.Initiated;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.InvoiceNotFound;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.KeyReused;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.NotPayable;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.NotYourInvoice;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.PayerBusy;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentEvent;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentStatus;
import ke.invoiceiq.domain.payment.StkPushRequest;
import ke.invoiceiq.domain.payment.StkPushResponse;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.payment.StkResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPaymentServiceTest {

    @Test
    void givenSentInvoice_whenCustomerTapsPay_thenOnePushForTheirNumberAmountAndInvoice() {
        var world = new PaymentWorld(ports -> new Gateways.Watching(ports.gateway(), ports.transactions()::isActive));
        Invoice invoice = world.sentInvoice();

        RequestPaymentOutcome outcome = world.tap(invoice, "wamid.1");

        assertThat(outcome).isInstanceOfSatisfying(Initiated.class, initiated -> {
            assertThat(initiated.replayed()).isFalse();
            assertThat(initiated.invoice().id()).isEqualTo(invoice.id());
        });
        assertThat(world.ports.gateway().pushRequests()).singleElement().satisfies(push -> {
            assertThat(push.payer()).isEqualTo(CUSTOMER);
            assertThat(push.amount()).isEqualTo(AMOUNT);
            assertThat(push.accountReference()).isEqualTo(invoice.id());
        });
        Payment stored = world.ports.payments().findByInvoice(invoice.id()).getFirst();
        assertThat(stored.status()).isEqualTo(PaymentStatus.INITIATED);
        assertThat(stored.checkoutRequestId()).contains(new CheckoutRequestId("ws_CO_1"));
        assertThat(stored.merchantRequestId()).contains(new MerchantRequestId("mr-1"));
        assertThat(((Gateways.Watching) world.gateway).pushedInTransaction).containsExactly(false);
        assertThat(world.ports.events().published(PaymentEvent.Requested.class)).hasSize(1);
        assertThat(world.outbox()).as("the reply to the tap is the driving adapter's").isEmpty();
    }

    @Test
    void givenPayPageWithoutPayer_whenRequested_thenPromptGoesToTheInvoicedNumber() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();

        RequestPaymentOutcome outcome = world.requests.requestPayment(new RequestPaymentCommand(
                new RequestPaymentCommand.InvoiceRef.ByPayToken(invoice.payToken()), Optional.empty(),
                new IdempotencyKey("page-1")));

        assertThat(outcome).isInstanceOf(Initiated.class);
        assertThat(world.ports.gateway().pushRequests()).extracting(StkPushRequest::payer).containsExactly(CUSTOMER);
    }

    @Test
    void givenAnotherNumber_whenItTapsPay_thenNotYourInvoiceAndNoPush() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();

        RequestPaymentOutcome outcome = world.requests.requestPayment(
                RequestPaymentCommand.byPhone(invoice.id(), STRANGER, new IdempotencyKey("wamid.s")));

        assertThat(outcome).isInstanceOf(NotYourInvoice.class);
        assertThat(world.ports.gateway().pushCount()).isZero();
        assertThat(world.ports.payments().findByInvoice(invoice.id())).isEmpty();
    }

    @Test
    void givenUnknownInvoice_whenRequested_thenInvoiceNotFound() {
        var world = new PaymentWorld();

        RequestPaymentOutcome outcome = world.requests.requestPayment(
                RequestPaymentCommand.byPhone(new InvoiceId("INV-ZZZZZZ"), CUSTOMER, new IdempotencyKey("k")));

        assertThat(outcome).isInstanceOf(InvoiceNotFound.class);
        assertThat(world.ports.gateway().pushCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 20})
    void givenConcurrentTaps_whenTheFirstPushIsStillOpen_thenExactlyOneGatewayCall(int taps) throws Exception {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        var release = new CountDownLatch(1);
        world.ports.gateway().holdPushesUntil(release);

        var started = Concurrently.start(taps, i -> world.tap(invoice, "wamid.tap-" + i));
        assertThat(world.ports.gateway().awaitPushes(1, Duration.ofSeconds(10))).isTrue();
        awaitFinished(started, taps - 1);
        release.countDown();
        List<RequestPaymentOutcome> outcomes = started.results();

        assertThat(world.ports.gateway().pushCount()).isEqualTo(1);
        assertThat(outcomes).filteredOn(Initiated.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(AlreadyInFlight.class::isInstance).hasSize(taps - 1);
        assertThat(world.ports.payments().findByInvoice(invoice.id())).hasSize(1);
    }

    @Test
    void givenTwentyConcurrentRepeatsOfOneKey_whenRequested_thenOnePushAndTheRestReplayed() throws Exception {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();

        List<RequestPaymentOutcome> outcomes = Concurrently.run(20, i -> world.tap(invoice, "wamid.same"));

        assertThat(world.ports.gateway().pushCount()).isEqualTo(1);
        assertThat(outcomes).filteredOn(o -> o instanceof Initiated i && !i.replayed()).hasSize(1);
        assertThat(outcomes).as("a repeat before Daraja named the push cannot tell more than that it is on its way")
                .allSatisfy(o -> assertThat(o).isInstanceOfAny(Initiated.class, AwaitingMpesa.class))
                .extracting(RequestPaymentServiceTest::attemptOf).containsOnly(world.onlyAttempt(invoice).id());
    }

    @Test
    void givenSameKeyTwice_whenRequested_thenOnePushAndTheSecondIsReplayed() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();

        var first = (Initiated) world.tap(invoice, "Idem-42");
        RequestPaymentOutcome second = world.tap(invoice, "Idem-42");

        assertThat(world.ports.gateway().pushCount()).isEqualTo(1);
        assertThat(second).isInstanceOfSatisfying(Initiated.class, replay -> {
            assertThat(replay.replayed()).isTrue();
            assertThat(replay.payment().id()).isEqualTo(first.payment().id());
        });
    }

    @Test
    void givenKeyUsedForAnotherInvoice_whenRequested_thenKeyReusedAndNoPush() {
        var world = new PaymentWorld();
        Invoice first = world.sentInvoice();
        Invoice second = world.sentInvoice();
        world.tap(first, "Idem-42");

        RequestPaymentOutcome outcome = world.tap(second, "Idem-42");

        assertThat(outcome).isInstanceOf(KeyReused.class);
        assertThat(world.ports.gateway().pushCount()).isEqualTo(1);
    }

    @Test
    void givenFailedAttempt_whenTappedDuringCooldown_thenCoolingDownAndAfterItAPush() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment first = world.initiated(invoice, "tap-1");
        world.callback(first, PaymentWorld.CANCELLED_BY_USER);
        var failedAt = world.now();

        world.advance(Duration.ofSeconds(119));
        RequestPaymentOutcome during = world.tap(invoice, "tap-2");
        world.advance(Duration.ofSeconds(1));
        RequestPaymentOutcome after = world.tap(invoice, "tap-3");

        assertThat(during).isInstanceOfSatisfying(RequestPaymentOutcome.CoolingDown.class,
                c -> assertThat(c.until()).isEqualTo(failedAt.plus(world.settings.cooldown())));
        assertThat(after).isInstanceOf(Initiated.class);
        assertThat(world.ports.gateway().pushCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {1032, 1037, 17})
    void givenAttemptEndedForAReasonThatAsksForAPause_whenTappedAtOnce_thenCoolingDownAndNoPush(int code) {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        world.callback(world.initiated(invoice, "tap-1"), new StkResult(code, "failed"));

        RequestPaymentOutcome again = world.tap(invoice, "tap-2");

        assertThat(again).isInstanceOf(RequestPaymentOutcome.CoolingDown.class);
        assertThat(world.ports.gateway().pushCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1019, 1025, 2001, 9999, 4242})
    void givenAttemptEndedForAReasonThatAsksForNoPause_whenTappedAtOnce_thenANewPush(int code) {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        world.callback(world.initiated(invoice, "tap-1"), new StkResult(code, "failed"));

        RequestPaymentOutcome again = world.tap(invoice, "tap-2");

        assertThat(again).isInstanceOf(Initiated.class);
        assertThat(world.ports.gateway().pushCount()).isEqualTo(2);
    }

    @Test
    void givenPaidInvoice_whenTapped_thenAlreadyPaidAndNoPush() {
        var world = new PaymentWorld();
        Invoice invoice = world.paid(world.sentInvoice());
        int pushes = world.ports.gateway().pushCount();

        assertThat(world.tap(invoice, "tap")).isInstanceOf(AlreadyPaid.class);
        assertThat(world.ports.gateway().pushCount()).isEqualTo(pushes);
    }

    @Test
    void givenCancelledInvoice_whenTapped_thenNotPayableAndNoPush() {
        var world = new PaymentWorld();
        Invoice invoice = world.cancelled(world.sentInvoice());

        assertThat(world.tap(invoice, "tap")).isInstanceOf(NotPayable.class);
        assertThat(world.ports.gateway().pushCount()).isZero();
    }

    @Test
    void givenPhoneBusy_whenPushRefused_thenPayerBusyAndAttemptFailed() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        world.ports.gateway().respondWith(new StkPushResponse.SubscriberBusy());

        RequestPaymentOutcome outcome = world.tap(invoice, "tap");

        assertThat(outcome).isInstanceOf(PayerBusy.class);
        Payment attempt = world.ports.payments().findByInvoice(invoice.id()).getFirst();
        assertThat(attempt.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(attempt.result()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(1001));
        assertThat(world.ports.events().published(PaymentEvent.Failed.class)).hasSize(1);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.SENT);
    }

    @Test
    void givenGatewayThrottled_whenPushRefused_thenGatewayUnavailableAndAttemptFailed() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        world.ports.gateway().respondWith(new StkPushResponse.RetryLater("spike arrest"));

        assertThat(world.tap(invoice, "tap")).isInstanceOf(GatewayUnavailable.class);
        assertThat(world.ports.payments().findByInvoice(invoice.id()).getFirst().status())
                .isEqualTo(PaymentStatus.FAILED);
    }

    @Test
    void givenGatewayRejects_whenPushRefused_thenGatewayRejectedAndAttemptFailed() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        world.ports.gateway().respondWith(new StkPushResponse.Rejected("400.002.02 invalid shortcode"));

        assertThat(world.tap(invoice, "tap")).isInstanceOf(GatewayRejected.class);
        assertThat(world.ports.payments().findByInvoice(invoice.id()).getFirst().status())
                .isEqualTo(PaymentStatus.FAILED);
    }

    @Test
    void givenRefusedAttempt_whenSameKeyRepeated_thenSameAnswerWithoutAnotherPush() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        world.ports.gateway().respondWith(new StkPushResponse.SubscriberBusy());
        world.tap(invoice, "tap");

        assertThat(world.tap(invoice, "tap")).isInstanceOf(PayerBusy.class);
        assertThat(world.ports.gateway().pushCount()).isEqualTo(1);
    }

    @Test
    void givenGatewayThrows_whenTapped_thenAwaitingMpesaWithTheAttemptInFlightAndUnnamed() {
        var world = new PaymentWorld(ports -> new Gateways.Broken());
        Invoice invoice = world.sentInvoice();

        RequestPaymentOutcome outcome = world.tap(invoice, "tap-1");

        Payment attempt = world.onlyAttempt(invoice);
        assertThat(outcome).isEqualTo(new AwaitingMpesa(world.invoice(invoice.id()), attempt));
        assertThat(attempt.status()).isEqualTo(PaymentStatus.INITIATED);
        assertThat(attempt.isNamed()).isFalse();
        assertThat(world.ports.events().published(PaymentEvent.Failed.class)).isEmpty();
    }

    @Test
    void givenGatewayCannotTellWhetherThePromptWentOut_whenTapped_thenAwaitingMpesaWithTheAttemptInFlightAndUnnamed() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        world.ports.gateway().respondWith(new StkPushResponse.OutcomeUnknown("503 from Daraja"));

        RequestPaymentOutcome outcome = world.tap(invoice, "tap-1");

        assertThat(outcome).isInstanceOf(AwaitingMpesa.class);
        assertThat(world.onlyAttempt(invoice).status()).isEqualTo(PaymentStatus.INITIATED);
        assertThat(world.onlyAttempt(invoice).checkoutRequestId()).isEmpty();
    }

    @Test
    void givenPushOutcomeUnknown_whenTappedAgain_thenAlreadyInFlightAndNoSecondPush() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        world.ports.gateway().respondWith(new StkPushResponse.OutcomeUnknown("read timed out"));
        world.tap(invoice, "tap-1");

        RequestPaymentOutcome again = world.tap(invoice, "tap-2");

        assertThat(again).as("the first prompt may be on the phone").isInstanceOfSatisfying(AlreadyInFlight.class,
                inFlight -> assertThat(inFlight.current().id()).isEqualTo(world.onlyAttempt(invoice).id()));
        assertThat(world.ports.gateway().pushCount()).isEqualTo(1);
    }

    @Test
    void givenPushOutcomeUnknown_whenTheSameKeyIsRepeated_thenAwaitingMpesaAgainWithoutAPush() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        world.ports.gateway().respondWith(new StkPushResponse.OutcomeUnknown("read timed out"));
        var first = (AwaitingMpesa) world.tap(invoice, "tap-1");

        RequestPaymentOutcome again = world.tap(invoice, "tap-1");

        assertThat(again).isInstanceOfSatisfying(AwaitingMpesa.class,
                awaiting -> assertThat(awaiting.payment().id()).isEqualTo(first.payment().id()));
        assertThat(world.ports.gateway().pushCount()).isEqualTo(1);
    }

    static Stream<Arguments> refusalsOnTheSpot() {
        return Stream.of(
                Arguments.of(new StkPushResponse.SubscriberBusy(), StkReason.SUBSCRIBER_BUSY),
                Arguments.of(new StkPushResponse.RetryLater("spike arrest"), StkReason.UNAVAILABLE),
                Arguments.of(new StkPushResponse.Rejected("400.002.02 invalid shortcode"), StkReason.REJECTED));
    }

    @ParameterizedTest
    @MethodSource("refusalsOnTheSpot")
    void givenPushRefusedOnTheSpot_whenTappedAgainAtOnce_thenNoCooldownAndANewPush(StkPushResponse refusal,
            StkReason reason) {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        world.ports.gateway().respondWith(refusal);
        world.tap(invoice, "tap-1");

        RequestPaymentOutcome again = world.tap(invoice, "tap-2");

        assertThat(world.invoice(invoice.id()).payments().getFirst().endReason()).contains(reason);
        assertThat(again).isInstanceOf(Initiated.class);
        assertThat(world.ports.gateway().pushCount()).isEqualTo(2);
    }

    @Test
    void givenPartPaidInvoice_whenTappedAgain_thenThePushAsksForTheBalance() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        world.callback(world.initiated(invoice, "tap-1"), PaymentWorld.PAID, PaymentWorld.RECEIPT, 1_000);

        RequestPaymentOutcome again = world.tap(invoice, "tap-2");

        assertThat(again).isInstanceOfSatisfying(Initiated.class,
                initiated -> assertThat(initiated.payment().amount()).isEqualTo(Amount.ofShillings(1_500)));
        assertThat(world.ports.gateway().lastPush()).hasValueSatisfying(
                push -> assertThat(push.amount()).isEqualTo(Amount.ofShillings(1_500)));
    }

    @Test
    void givenKeyWhosePaymentPaidTheInvoice_whenTheSameKeyIsRepeated_thenNoPushAndNoNewAttempt() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        world.callback(world.initiated(invoice, "tap-1"), PaymentWorld.PAID);

        RequestPaymentOutcome again = world.tap(invoice, "tap-1");

        assertThat(again).isInstanceOf(AlreadyPaid.class);
        assertThat(world.ports.gateway().pushCount()).isEqualTo(1);
        assertThat(world.invoice(invoice.id()).payments()).hasSize(1);
    }

    @Test
    void givenStoringThePushIdsFails_whenTapped_thenAwaitingMpesaAndTheAttemptStaysUnnamed() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        var invoices = new FailingInvoices(world.ports.invoices());
        invoices.failUpdatesOf(i -> i.payments().stream().anyMatch(Payment::isNamed));
        var requests = world.requests(invoices, world.gateway, world.results);

        RequestPaymentOutcome outcome = requests.requestPayment(
                RequestPaymentCommand.byPhone(invoice.id(), CUSTOMER, new IdempotencyKey("tap-1")));

        assertThat(outcome).isInstanceOf(AwaitingMpesa.class);
        assertThat(world.ports.gateway().pushCount()).isEqualTo(1);
        assertThat(world.onlyAttempt(invoice).status()).isEqualTo(PaymentStatus.INITIATED);
        assertThat(world.onlyAttempt(invoice).isNamed()).isFalse();
    }

    @Test
    void givenTheReconcilerGaveTheAttemptUpWhileThePushWasOnItsWay_whenDarajaAnswers_thenIdsRecordedAndStillExpired() {
        var world = new PaymentWorld(ports -> new Gateways.Meanwhile(ports.gateway()));
        Invoice invoice = world.sentInvoice();
        ((Gateways.Meanwhile) world.gateway).duringNextPush(() -> {
            world.advance(world.settings.expireAfter());
            world.reconciler.reconcile();
        });

        world.tap(invoice, "tap-1");

        Payment attempt = world.onlyAttempt(invoice);
        assertThat(attempt.status()).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(attempt.endReason()).contains(StkReason.NO_ANSWER);
        assertThat(attempt.checkoutRequestId()).contains(new CheckoutRequestId("ws_CO_1"));
        assertThat(attempt.merchantRequestId()).contains(new MerchantRequestId("mr-1"));
    }

    private static PaymentId attemptOf(RequestPaymentOutcome outcome) {
        return switch (outcome) {
            case Initiated initiated -> initiated.payment().id();
            case AwaitingMpesa awaiting -> awaiting.payment().id();
            default -> throw new AssertionError("no attempt in " + outcome);
        };
    }

    private static void awaitFinished(Concurrently.Started<?> started, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (started.finished() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(started.finished()).as("taps answered while the first push is held").isEqualTo(count);
    }
}
