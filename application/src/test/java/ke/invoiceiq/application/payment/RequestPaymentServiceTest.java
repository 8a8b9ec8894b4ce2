package ke.invoiceiq.application.payment;

import static ke.invoiceiq.application.payment.PaymentWorld.AMOUNT;
import static ke.invoiceiq.application.payment.PaymentWorld.CUSTOMER;
import static ke.invoiceiq.application.payment.PaymentWorld.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.AlreadyInFlight;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.AlreadyPaid;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.GatewayRejected;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.GatewayUnavailable;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.Initiated;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.InvoiceNotFound;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.KeyReused;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.NotPayable;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.NotYourInvoice;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.PayerBusy;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentEvent;
import ke.invoiceiq.domain.payment.PaymentStatus;
import ke.invoiceiq.domain.payment.StkPushRequest;
import ke.invoiceiq.domain.payment.StkPushResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
        assertThat(outcomes).allMatch(Initiated.class::isInstance);
        assertThat(outcomes).filteredOn(o -> ((Initiated) o).replayed()).hasSize(19);
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

    @Test
    void givenPaidInvoice_whenTapped_thenAlreadyPaidAndNoPush() {
        var world = new PaymentWorld();
        Invoice invoice = world.paid(world.sentInvoice());

        assertThat(world.tap(invoice, "tap")).isInstanceOf(AlreadyPaid.class);
        assertThat(world.ports.gateway().pushCount()).isZero();
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
    void givenGatewayThrows_whenTapped_thenGatewayUnavailableAndAttemptLeftForTheReconciler() {
        var world = new PaymentWorld(ports -> new Gateways.Broken());
        Invoice invoice = world.sentInvoice();

        RequestPaymentOutcome outcome = world.tap(invoice, "tap-1");
        RequestPaymentOutcome again = world.tap(invoice, "tap-2");

        assertThat(outcome).isInstanceOf(GatewayUnavailable.class);
        Payment attempt = world.ports.payments().findByInvoice(invoice.id()).getFirst();
        assertThat(attempt.status()).isEqualTo(PaymentStatus.INITIATED);
        assertThat(attempt.checkoutRequestId()).isEmpty();
        assertThat(again).as("the push may have gone out: no second one").isInstanceOf(AlreadyInFlight.class);
        assertThat(((Gateways.Broken) world.gateway).pushes).hasSize(1);
    }

    private static void awaitFinished(Concurrently.Started<?> started, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (started.finished() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(started.finished()).as("taps answered while the first push is held").isEqualTo(count);
    }
}
