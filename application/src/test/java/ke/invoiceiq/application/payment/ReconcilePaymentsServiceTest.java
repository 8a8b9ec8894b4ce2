package ke.invoiceiq.application.payment;

import static ke.invoiceiq.application.payment.PaymentWorld.CUSTOMER;
import static ke.invoiceiq.application.payment.PaymentWorld.MERCHANT;
import static ke.invoiceiq.application.payment.PaymentWorld.PAID;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentEvent;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.PaymentStatus;
import ke.invoiceiq.domain.payment.StkQueryResponse;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.payment.StkResult;
import org.junit.jupiter.api.Test;

class ReconcilePaymentsServiceTest {

    @Test
    void givenAttemptYoungerThanTheQueryDelay_whenReconciled_thenNotQueried() {
        var world = new PaymentWorld();
        world.initiated(world.sentInvoice(), "tap");
        world.advance(Duration.ofSeconds(30));

        ReconcileReport report = world.reconciler.reconcile();

        assertThat(report.queried()).isZero();
        assertThat(world.ports.gateway().queries()).isEmpty();
    }

    @Test
    void givenLostCallback_whenQueryAnswersPaid_thenSettledOnceEvenIfTheCallbackThenArrives() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        CheckoutRequestId checkout = attempt.checkoutRequestId().orElseThrow();
        world.ports.gateway().answerQueriesOf(checkout, new StkQueryResponse.Final(PAID));
        world.advance(world.settings.queryAfter().plusSeconds(1));

        ReconcileReport report = world.reconciler.reconcile();
        int queued = world.outbox().size();
        RecordOutcome callback = world.callback(attempt, PAID);

        assertThat(report.queried()).isEqualTo(1);
        assertThat(report.settled()).isEqualTo(1);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(callback).isInstanceOf(RecordOutcome.Duplicate.class);
        assertThat(world.outbox()).hasSize(queued);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).hasSize(1);
        assertThat(world.ports.events().published(InvoiceEvent.Paid.class)).hasSize(1);
        assertThat(world.reconciler.reconcile().queried()).as("a settled attempt is not asked about again").isZero();
    }

    @Test
    void givenQuerySaidFailed_whenASuccessCallbackArrivesLater_thenItIsKeptAndTheInvoiceIsPaid() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        CheckoutRequestId checkout = attempt.checkoutRequestId().orElseThrow();
        world.ports.gateway().answerQueriesOf(checkout, new StkQueryResponse.Final(StkResult.of(1037)));
        world.advance(world.settings.queryAfter().plusSeconds(1));
        world.reconciler.reconcile();
        assertThat(world.ports.payments().findByInvoice(invoice.id()).getFirst().status())
                .isEqualTo(PaymentStatus.FAILED);

        RecordOutcome callback = world.callback(attempt, PAID);

        assertThat(callback).isInstanceOf(RecordOutcome.Applied.class);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.invoice(invoice.id()).receipt()).isPresent();
    }

    @Test
    void givenCallbackAlreadyApplied_whenQueryAnswerRecorded_thenDuplicate() {
        var world = new PaymentWorld();
        Payment attempt = world.initiated(world.sentInvoice(), "tap");
        world.callback(attempt, PaymentWorld.CANCELLED_BY_USER);
        int queued = world.outbox().size();

        RecordOutcome query = world.results.record(PaymentResult.fromQuery(attempt.checkoutRequestId().orElseThrow(),
                StkResult.of(1032), world.now()));

        assertThat(query).isInstanceOf(RecordOutcome.Duplicate.class);
        assertThat(world.outbox()).hasSize(queued);
    }

    @Test
    void givenPendingWithinTheWindow_whenReconciled_thenLeftOpen() {
        var world = new PaymentWorld();
        Payment attempt = world.initiated(world.sentInvoice(), "tap");
        world.advance(Duration.ofMinutes(2));

        ReconcileReport report = world.reconciler.reconcile();

        assertThat(report.queried()).isEqualTo(1);
        assertThat(report.stillOpen()).isEqualTo(1);
        assertThat(world.payment(attempt).status()).isEqualTo(PaymentStatus.INITIATED);
        assertThat(world.outbox()).isEmpty();
    }

    @Test
    void givenPendingPastTheWindow_whenReconciled_thenExpiredAndBothTold() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        world.advance(world.settings.expireAfter());

        ReconcileReport report = world.reconciler.reconcile();

        assertThat(report.expired()).isEqualTo(1);
        assertThat(world.payment(attempt).status()).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.PAYMENT_FAILED)).singleElement().satisfies(m -> {
            assertThat(m.content().text()).contains(StkReason.EXPIRED.customerSentence());
            assertThat(m.content().buttons()).containsExactly(BotCopy.payButton(invoice.id()));
        });
        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement()
                .satisfies(m -> assertThat(m.content().text()).contains(StkReason.EXPIRED.plainReason()));
        assertThat(world.ports.events().published(PaymentEvent.Expired.class)).hasSize(1);
        assertThat(world.reconciler.reconcile().expired()).isZero();
    }

    @Test
    void givenQueryThrows_whenPastTheWindow_thenCountedAsUnknownAndExpired() {
        var world = new PaymentWorld(ports -> new Gateways.QueriesFail(ports.gateway()));
        Payment attempt = world.initiated(world.sentInvoice(), "tap");

        world.advance(Duration.ofMinutes(2));
        ReconcileReport early = world.reconciler.reconcile();
        world.advance(Duration.ofMinutes(3));
        ReconcileReport late = world.reconciler.reconcile();

        assertThat(early.stillOpen()).isEqualTo(1);
        assertThat(early.errors()).isZero();
        assertThat(late.expired()).isEqualTo(1);
        assertThat(world.payment(attempt).status()).isEqualTo(PaymentStatus.EXPIRED);
    }

    @Test
    void givenPushCallDied_whenPastTheWindow_thenExpiredWithoutQuery() {
        var world = new PaymentWorld(ports -> new Gateways.Broken());
        Invoice invoice = world.sentInvoice();
        world.tap(invoice, "tap");
        world.advance(world.settings.expireAfter());

        ReconcileReport report = world.reconciler.reconcile();

        assertThat(report.queried()).isZero();
        assertThat(report.expired()).isEqualTo(1);
        assertThat(((Gateways.Broken) world.gateway).queries).isEmpty();
        assertThat(world.ports.payments().findByInvoice(invoice.id()).getFirst().status())
                .isEqualTo(PaymentStatus.EXPIRED);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.PAYMENT_FAILED)).hasSize(1);
    }

    @Test
    void givenCrashBeforeTheEarlyCallbackWasApplied_whenReconciled_thenTheKeptCallbackIsApplied() {
        UnaryOperator<RecordPaymentResultUseCase> crashing = real -> new RecordPaymentResultUseCase() {
            @Override
            public RecordOutcome record(PaymentResult result) {
                return real.record(result);
            }

            @Override
            public RecordOutcome applyStored(CheckoutRequestId id) {
                return new RecordOutcome.Kept();
            }

            @Override
            public RecordOutcome applyQueried(PaymentResult result) {
                return real.applyQueried(result);
            }
        };
        var world = new PaymentWorld(ports -> ports.gateway(), crashing);
        Invoice invoice = world.sentInvoice();
        var checkout = new CheckoutRequestId("ws_CO_1");
        world.results.record(world.callbackFor(checkout, PAID, Optional.of(PaymentWorld.RECEIPT),
                Optional.of(BigDecimal.valueOf(2_500))));
        world.initiated(invoice, "tap");
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.SENT);

        world.advance(world.settings.queryAfter().plusSeconds(1));
        ReconcileReport report = world.reconciler.reconcile();

        assertThat(report.keptApplied()).isEqualTo(1);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).hasSize(1);
    }

    /**
     * The reconciler runs every 30 s, the first run 1 s after the push. An attempt that stays pending is asked
     * about 60 s after the push, then 60 s later, then 120 s later (the wait doubles, capped at 2 min), and is
     * expired at 5 min all the same.
     */
    @Test
    void givenAttemptThatStaysPending_whenReconciledEvery30s_thenQueriedWithBackoffAndExpiredAt5Minutes() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        world.advance(Duration.ofSeconds(1));

        List<Long> queriedAt = new ArrayList<>();
        long expiredAt = -1;
        for (long run = 1; run <= 30 * 12 + 1 && expiredAt < 0; run += 30) {
            ReconcileReport report = world.reconciler.reconcile();
            long second = Duration.between(attempt.createdAt(), world.now()).toSeconds();
            if (report.queried() > 0) {
                queriedAt.add(second);
            }
            if (report.expired() > 0) {
                expiredAt = second;
            }
            world.advance(Duration.ofSeconds(30));
        }

        assertThat(queriedAt).as("seconds after the push at which it was queried").containsExactly(61L, 121L, 241L);
        assertThat(world.ports.gateway().queries()).hasSize(3);
        assertThat(expiredAt).isEqualTo(301L);
        assertThat(world.payment(attempt).status()).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(world.payment(attempt).queries()).isEqualTo(3);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.PAYMENT_FAILED)).hasSize(1);
        assertThat(world.ports.events().published(PaymentEvent.Expired.class)).hasSize(1);
    }

    @Test
    void givenPendingQueries_whenAFinalAnswerComesAtTheNextDueQuery_thenSettledAsBefore() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        CheckoutRequestId checkout = attempt.checkoutRequestId().orElseThrow();
        world.advance(Duration.ofSeconds(61));
        assertThat(world.reconciler.reconcile().stillOpen()).isEqualTo(1);
        assertThat(world.payment(attempt).lastQueriedAt()).contains(world.now());
        world.ports.gateway().answerQueriesOf(checkout, new StkQueryResponse.Final(PAID));

        world.advance(Duration.ofSeconds(30));
        ReconcileReport notDue = world.reconciler.reconcile();
        world.advance(Duration.ofSeconds(30));
        ReconcileReport due = world.reconciler.reconcile();

        assertThat(notDue.queried()).isZero();
        assertThat(notDue.stillOpen()).isEqualTo(1);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(due.queried()).isEqualTo(1);
        assertThat(due.settled()).isEqualTo(1);
        assertThat(world.payment(attempt).status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(world.payment(attempt).queries()).as("a final answer is not counted as a wait").isEqualTo(1);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).hasSize(1);
        assertThat(world.ports.gateway().queries()).hasSize(2);
    }

    @Test
    void givenCallbackNoAttemptEverClaims_whenReconciled_thenStillKeptAndCounted() {
        var world = new PaymentWorld();
        world.results.record(world.callbackFor(new CheckoutRequestId("ws_CO_stray"), PAID,
                Optional.of(PaymentWorld.RECEIPT), Optional.empty()));
        world.advance(Duration.ofMinutes(10));

        ReconcileReport report = world.reconciler.reconcile();

        assertThat(report.keptWaiting()).isEqualTo(1);
        assertThat(world.ports.paymentResults().findUnprocessed(new CheckoutRequestId("ws_CO_stray"))).isPresent();
    }
}
