package ke.invoiceiq.application.payment;

import static ke.invoiceiq.application.payment.PaymentWorld.CUSTOMER;
import static ke.invoiceiq.application.payment.PaymentWorld.MERCHANT;
import static ke.invoiceiq.application.payment.PaymentWorld.PAID;
import static ke.invoiceiq.application.payment.PaymentWorld.RECEIPT;
import static ke.invoiceiq.application.payment.PaymentWorld.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.Settlement;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.KeptResult;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentEvent;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.PaymentResultInbox;
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
    void givenLostCallback_whenQueryAnswersPaid_thenPaidOnceWithoutAReceipt() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        world.ports.gateway().answerQueriesOf(attempt.checkoutRequestId().orElseThrow(),
                new StkQueryResponse.Final(PAID));
        world.advance(world.settings.queryAfter().plusSeconds(1));

        ReconcileReport report = world.reconciler.reconcile();

        assertThat(report.queried()).isEqualTo(1);
        assertThat(report.settled()).isEqualTo(1);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.invoice(invoice.id()).receipt()).as("a query never tells the receipt").isEmpty();
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).hasSize(1);
        assertThat(world.ports.events().published(InvoiceEvent.Paid.class)).hasSize(1);
        assertThat(world.reconciler.reconcile().queried()).as("a settled attempt is not asked about again").isZero();
    }

    @Test
    void givenQuerySettledItPaid_whenTheCallbackArrivesLater_thenItsReceiptIsFilledInAndNobodyToldTwice() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        world.ports.gateway().answerQueriesOf(attempt.checkoutRequestId().orElseThrow(),
                new StkQueryResponse.Final(PAID));
        world.advance(world.settings.queryAfter().plusSeconds(1));
        world.reconciler.reconcile();
        int queued = world.outbox().size();

        RecordOutcome callback = world.callback(attempt, PAID);

        assertThat(callback).isInstanceOfSatisfying(RecordOutcome.Settled.class,
                settled -> assertThat(settled.settlement()).isInstanceOf(Settlement.ReceiptAdded.class));
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.invoice(invoice.id()).receipt()).contains(RECEIPT);
        assertThat(world.payment(attempt).receipt()).contains(RECEIPT);
        assertThat(world.outbox()).as("no second receipt message").hasSize(queued);
        assertThat(world.ports.events().published(InvoiceEvent.Paid.class)).hasSize(1);
    }

    @Test
    void givenQuerySaidFailed_whenASuccessCallbackArrivesLater_thenTheInvoiceIsPaid() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        world.ports.gateway().answerQueriesOf(attempt.checkoutRequestId().orElseThrow(),
                new StkQueryResponse.Final(StkResult.of(1037)));
        world.advance(world.settings.queryAfter().plusSeconds(1));
        world.reconciler.reconcile();
        assertThat(world.payment(attempt).status()).isEqualTo(PaymentStatus.FAILED);

        RecordOutcome callback = world.callback(attempt, PAID);

        assertThat(callback).isInstanceOf(RecordOutcome.Settled.class);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.invoice(invoice.id()).receipt()).contains(RECEIPT);
    }

    @Test
    void givenCallbackAlreadyApplied_whenTheQueryAnswerIsApplied_thenDuplicate() {
        var world = new PaymentWorld();
        Payment attempt = world.initiated(world.sentInvoice(), "tap");
        world.callback(attempt, PaymentWorld.CANCELLED_BY_USER);
        int queued = world.outbox().size();

        RecordOutcome query = world.results.applyQueried(PaymentResult.fromQuery(
                attempt.checkoutRequestId().orElseThrow(), StkResult.of(1032), world.now()));

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
    void givenPendingPastTheWindow_whenReconciled_thenGivenUpAsNoAnswerAndTheOutcomeToldAsUnknown() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        world.advance(world.settings.expireAfter());

        ReconcileReport report = world.reconciler.reconcile();

        assertThat(report.expired()).isEqualTo(1);
        assertThat(world.payment(attempt).status()).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(world.payment(attempt).endReason()).contains(StkReason.NO_ANSWER);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.PAYMENT_FAILED)).singleElement().satisfies(m -> {
            assertThat(m.content().text()).isEqualTo(PaymentCopy.noAnswerToCustomer(Language.EN, invoice.id(),
                    attempt.amount()))
                    .contains("do not pay again");
            assertThat(m.content().buttons()).as("no pay button: the money may have moved").isEmpty();
        });
        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement()
                .satisfies(m -> assertThat(m.content().text()).isEqualTo(PaymentCopy.noAnswerToMerchant(
                        Language.EN, invoice.id(), attempt.amount(), CUSTOMER, attempt.createdAt())));
        assertThat(world.ports.events().published(PaymentEvent.Expired.class)).hasSize(1);
        assertThat(world.reconciler.reconcile().expired()).isZero();
    }

    @Test
    void givenAttemptGivenUp_whenTappedAtOnce_thenNoCooldownAndANewPush() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        world.initiated(invoice, "tap-1");
        world.advance(world.settings.expireAfter());
        world.reconciler.reconcile();

        RequestPaymentOutcome again = world.tap(invoice, "tap-2");

        assertThat(again).isInstanceOf(RequestPaymentOutcome.Initiated.class);
        assertThat(world.ports.gateway().pushCount()).isEqualTo(2);
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
    void givenPushOutcomeUnknown_whenReconciledWithinTheWindow_thenNeverQueriedAndLeftOpen() {
        var world = new PaymentWorld(ports -> new Gateways.Broken());
        Invoice invoice = world.sentInvoice();
        world.tap(invoice, "tap");
        world.advance(Duration.ofMinutes(4));

        ReconcileReport report = world.reconciler.reconcile();

        assertThat(report.queried()).isZero();
        assertThat(report.stillOpen()).isEqualTo(1);
        assertThat(((Gateways.Broken) world.gateway).queries).isEmpty();
        assertThat(world.onlyAttempt(invoice).status()).isEqualTo(PaymentStatus.INITIATED);
    }

    @Test
    void givenPushOutcomeUnknown_whenPastTheWindow_thenGivenUpWithoutQueryAndTheOutcomeToldAsUnknown() {
        var world = new PaymentWorld(ports -> new Gateways.Broken());
        Invoice invoice = world.sentInvoice();
        world.tap(invoice, "tap");
        world.advance(world.settings.expireAfter());

        ReconcileReport report = world.reconciler.reconcile();

        assertThat(report.queried()).isZero();
        assertThat(report.expired()).isEqualTo(1);
        assertThat(((Gateways.Broken) world.gateway).queries).isEmpty();
        assertThat(world.onlyAttempt(invoice).endReason()).contains(StkReason.NO_ANSWER);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.PAYMENT_FAILED)).singleElement()
                .satisfies(m -> assertThat(m.content().text()).contains("do not pay again"));
        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement()
                .satisfies(m -> assertThat(m.content().text()).contains("never told us how", CUSTOMER.masked()));
    }

    @Test
    void givenCrashBeforeTheEarlyCallbackWasApplied_whenReconciled_thenTheKeptCallbackIsApplied() {
        var world = new PaymentWorld(ports -> ports.gateway(), WithoutApplyStored.CRASH_AFTER_THE_RESPONSE);
        Invoice invoice = world.sentInvoice();
        world.results.record(world.callbackFor(new CheckoutRequestId("ws_CO_1"), PAID, Optional.of(RECEIPT),
                Optional.of(BigDecimal.valueOf(2_500))), Optional.empty());
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
     * given up at 5 min all the same.
     */
    @Test
    void givenAttemptThatStaysPending_whenReconciledEvery30s_thenQueriedWithBackoffAndGivenUpAt5Minutes() {
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

    // ---- several instances, and Daraja's rate limit --------------------------------------------------------

    @Test
    void givenTwoReconcilersOnTheSameStore_whenOneRunsWhileTheOtherIsQuerying_thenTheAttemptIsQueriedOnce() {
        var world = new PaymentWorld(ports -> new Gateways.Meanwhile(ports.gateway()));
        Invoice invoice = world.sentInvoice();
        world.initiated(invoice, "tap");
        var other = world.reconciler(world.ports.gateway(), world.results, world.ports.paymentResults());
        var seenByTheOther = new AtomicReference<ReconcileReport>();
        ((Gateways.Meanwhile) world.gateway).duringNextQuery(() -> seenByTheOther.set(other.reconcile()));
        world.advance(world.settings.queryAfter().plusSeconds(1));

        ReconcileReport first = world.reconciler.reconcile();

        assertThat(first.queried()).isEqualTo(1);
        assertThat(seenByTheOther.get().queried()).as("the attempt is held by the first run").isZero();
        assertThat(seenByTheOther.get().stillOpen()).isZero();
        assertThat(world.ports.gateway().queries()).hasSize(1);
    }

    @Test
    void givenAReconcilerThatFinished_whenAnotherRunsAtOnce_thenItMayQueryTheAttemptWhenDue() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        world.initiated(invoice, "tap");
        var other = world.reconciler(world.ports.gateway(), world.results, world.ports.paymentResults());
        world.advance(world.settings.queryAfter().plusSeconds(1));
        world.reconciler.reconcile();
        world.advance(world.settings.queryAfter());

        ReconcileReport second = other.reconcile();

        assertThat(second.queried()).as("a finished run lets its attempts go").isEqualTo(1);
        assertThat(world.ports.gateway().queries()).hasSize(2);
    }

    @Test
    void givenDarajaThrottlesAQuery_whenReconciled_thenTheRunAsksNoMore() {
        var world = new PaymentWorld();
        List<Payment> attempts = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            attempts.add(world.initiated(world.sentInvoice(), "tap-" + i));
            world.advance(Duration.ofSeconds(1));
        }
        world.ports.gateway().respondToQueriesWith(new StkQueryResponse.Throttled("spike arrest"));
        world.advance(world.settings.queryAfter());

        ReconcileReport report = world.reconciler.reconcile();

        assertThat(report.throttled()).isTrue();
        assertThat(report.queried()).isEqualTo(1);
        assertThat(world.ports.gateway().queries()).containsExactly(attempts.getFirst().checkoutRequestId()
                .orElseThrow());
        assertThat(attempts).allSatisfy(attempt -> {
            assertThat(world.payment(attempt).status()).isEqualTo(PaymentStatus.INITIATED);
            assertThat(world.payment(attempt).queries()).as("no inconclusive query recorded").isZero();
        });
    }

    @Test
    void givenARunWasThrottled_whenTheNextRunComes_thenItQueriesAgain() {
        var world = new PaymentWorld();
        world.initiated(world.sentInvoice(), "tap-1");
        world.initiated(world.sentInvoice(), "tap-2");
        world.ports.gateway().respondToQueriesWith(new StkQueryResponse.Throttled("spike arrest"));
        world.advance(world.settings.queryAfter().plusSeconds(1));
        world.reconciler.reconcile();
        world.advance(Duration.ofSeconds(30));

        ReconcileReport next = world.reconciler.reconcile();

        assertThat(next.throttled()).isFalse();
        assertThat(next.queried()).isEqualTo(2);
    }

    // ---- the inbox sweep ------------------------------------------------------------------------------------

    @Test
    void givenMoneyNoAttemptEverClaims_whenReconciledAfterTheQueryDelay_thenRaisedAsUnmatched() {
        var world = new PaymentWorld();
        var stray = new CheckoutRequestId("ws_CO_stray");
        world.results.record(world.callbackFor(stray, PAID, Optional.of(RECEIPT), Optional.empty()),
                Optional.empty());
        world.advance(world.settings.queryAfter().plusSeconds(1));

        ReconcileReport report = world.reconciler.reconcile();

        assertThat(report.unmatched()).isEqualTo(1);
        assertThat(report.keptWaiting()).isZero();
        assertThat(world.ports.paymentResults().unprocessed(stray)).isEmpty();
        assertThat(world.ports.unmatchedPayments().findOpen(stray)).hasValueSatisfying(
                open -> assertThat(open.amount()).as("M-PESA did not say how much").isEmpty());
    }

    @Test
    void givenAResultYoungerThanTheQueryDelay_whenReconciled_thenItWaitsForItsAttempt() {
        var world = new PaymentWorld();
        var early = new CheckoutRequestId("ws_CO_early");
        world.results.record(world.callbackFor(early, PAID, Optional.of(RECEIPT), Optional.empty()),
                Optional.empty());
        world.advance(Duration.ofSeconds(30));

        ReconcileReport report = world.reconciler.reconcile();

        assertThat(report.unmatched()).isZero();
        assertThat(world.ports.paymentResults().unprocessed(early)).hasSize(1);
    }

    @Test
    void givenMoreUnmatchedResultsThanABatch_whenReconciledRunAfterRun_thenEveryOneIsResolved() {
        var world = new PaymentWorld(withBatch(2));
        List<CheckoutRequestId> strays = keepStrays(world, 5);
        world.advance(world.settings.queryAfter().plusSeconds(1));

        List<Integer> resolvedPerRun = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            long before = unprocessed(world, strays);
            world.reconciler.reconcile();
            resolvedPerRun.add((int) (before - unprocessed(world, strays)));
            world.advance(Duration.ofSeconds(30));
        }

        assertThat(resolvedPerRun).containsExactly(2, 2, 1);
        assertThat(world.ports.unmatchedPayments().countOpen()).as("the money among them").isEqualTo(3);
    }

    @Test
    void givenAResultWhoseHandlingKeepsFailing_whenReconciledRunAfterRun_thenTheOthersAreResolvedAllTheSame() {
        var world = new PaymentWorld(withBatch(2));
        List<CheckoutRequestId> strays = keepStrays(world, 5);
        long poison = world.ports.paymentResults().unprocessed(strays.getFirst()).getFirst().id();
        var inbox = new FailingInbox(world.ports.paymentResults(), poison);
        var reconciler = world.reconciler(world.gateway, world.results(world.ports.invoices(), inbox), inbox);
        world.advance(world.settings.queryAfter().plusSeconds(1));

        List<Integer> errors = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            errors.add(reconciler.reconcile().errors());
            world.advance(world.settings.reconcileLease().plusSeconds(1));
        }

        assertThat(errors).as("tried again each time its lease ran out, after the others").containsExactly(1, 0, 1);
        assertThat(strays.subList(1, 5)).allSatisfy(
                id -> assertThat(world.ports.paymentResults().unprocessed(id)).as(id.value()).isEmpty());
        assertThat(world.ports.paymentResults().unprocessed(strays.getFirst())).hasSize(1);
    }

    private static PaymentSettings withBatch(int batch) {
        PaymentSettings d = PaymentSettings.DEFAULT;
        return new PaymentSettings(d.cooldown(), d.queryAfter(), d.expireAfter(), batch, d.maxQueryBackoff(),
                d.matchWindow(), d.reconcileLease());
    }

    /** {@code count} results that match no attempt, a second apart, oldest first: money and failures in turn. */
    private static List<CheckoutRequestId> keepStrays(PaymentWorld world, int count) {
        List<CheckoutRequestId> strays = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            var id = new CheckoutRequestId("ws_CO_stray" + i);
            StkResult result = i % 2 == 1 ? PAID : PaymentWorld.CANCELLED_BY_USER;
            world.results.record(world.callbackFrom(STRANGER, id, result, Optional.of(new MpesaReceipt("STRAY0" + i)),
                    Optional.of(BigDecimal.valueOf(100 * i))), Optional.empty());
            strays.add(id);
            world.advance(Duration.ofSeconds(1));
        }
        return strays;
    }

    private static long unprocessed(PaymentWorld world, List<CheckoutRequestId> ids) {
        return ids.stream().filter(id -> !world.ports.paymentResults().unprocessed(id).isEmpty()).count();
    }

    /** An inbox whose marking of one kept result always fails, as a row that cannot be written. */
    private static final class FailingInbox implements PaymentResultInbox {
        private final PaymentResultInbox real;
        private final long failing;

        FailingInbox(PaymentResultInbox real, long failing) {
            this.real = real;
            this.failing = failing;
        }

        @Override
        public boolean store(PaymentResult result, Optional<String> rawBody) {
            return real.store(result, rawBody);
        }

        @Override
        public List<KeptResult> unprocessed(CheckoutRequestId id) {
            return real.unprocessed(id);
        }

        @Override
        public void markProcessed(long keptId, Instant at) {
            if (keptId == failing) {
                throw new IllegalStateException("value too long for type character varying(100)");
            }
            real.markProcessed(keptId, at);
        }

        @Override
        public List<KeptResult> claimUnprocessed(Instant cutoff, Instant now, Instant leaseUntil, int limit) {
            return real.claimUnprocessed(cutoff, now, leaseUntil, limit);
        }

        @Override
        public int purgeProcessedBefore(Instant cutoff, int limit) {
            return real.purgeProcessedBefore(cutoff, limit);
        }
    }
}
