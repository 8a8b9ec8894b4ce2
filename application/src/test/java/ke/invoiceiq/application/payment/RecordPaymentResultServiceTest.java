package ke.invoiceiq.application.payment;

import ke.invoiceiq.application.shared.RetryingTransactions;
import static ke.invoiceiq.application.payment.PaymentWorld.CANCELLED_BY_USER;
import static ke.invoiceiq.application.payment.PaymentWorld.CUSTOMER;
import static ke.invoiceiq.application.payment.PaymentWorld.MERCHANT;
import static ke.invoiceiq.application.payment.PaymentWorld.OTHER_RECEIPT;
import static ke.invoiceiq.application.payment.PaymentWorld.PAID;
import static ke.invoiceiq.application.payment.PaymentWorld.RECEIPT;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentEvent;
import ke.invoiceiq.domain.payment.PaymentStatus;
import ke.invoiceiq.domain.payment.StkPushResponse;
import ke.invoiceiq.domain.payment.StkReason;
import org.junit.jupiter.api.Test;

class RecordPaymentResultServiceTest {

    @Test
    void givenOpenAttempt_whenSuccessCallback_thenInvoicePaidAndReceiptsQueuedForBoth() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");

        RecordOutcome outcome = world.callback(attempt, PAID);

        assertThat(outcome).isInstanceOf(RecordOutcome.Applied.class);
        Invoice paid = world.invoice(invoice.id());
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.receipt()).contains(RECEIPT);
        assertThat(world.payment(attempt).status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(world.payment(attempt).receipt()).contains(RECEIPT);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).singleElement().satisfies(receipt -> {
            assertThat(receipt.content().text()).isEqualTo(BotCopy.receipt(invoice.id(), invoice.amount(),
                    Optional.of(RECEIPT)));
            assertThat(receipt.content().smsText()).contains(BotCopy.receiptSms(invoice.id(), invoice.amount(),
                    Optional.of(RECEIPT)));
            assertThat(receipt.canFallBackToSms()).isTrue();
        });
        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement()
                .satisfies(m -> assertThat(m.content().text()).contains(invoice.id().value(), "NLJ7RT61SV"));
        assertThat(world.ports.events().published(InvoiceEvent.Paid.class)).hasSize(1);
        assertThat(world.ports.events().published(PaymentEvent.Succeeded.class)).hasSize(1);
    }

    @Test
    void givenAppliedCallback_whenSameCallbackAgain_thenNothingChanges() {
        var world = new PaymentWorld();
        Payment attempt = world.initiated(world.sentInvoice(), "tap");
        world.callback(attempt, PAID);
        int queued = world.outbox().size();

        RecordOutcome again = world.callback(attempt, PAID);

        assertThat(again).isInstanceOf(RecordOutcome.Duplicate.class);
        assertThat(world.outbox()).hasSize(queued);
        assertThat(world.ports.events().published(InvoiceEvent.Paid.class)).hasSize(1);
    }

    @Test
    void givenTenIdenticalCallbacksOnTenThreads_whenRecorded_thenPaidOnceWithOneReceiptPair() throws Exception {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");

        List<RecordOutcome> outcomes = Concurrently.run(10, i -> world.callback(attempt, PAID));

        assertThat(outcomes).filteredOn(RecordOutcome.Applied.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(RecordOutcome.Duplicate.class::isInstance).hasSize(9);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).hasSize(1);
        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).hasSize(1);
        assertThat(world.ports.events().published(InvoiceEvent.Paid.class)).hasSize(1);
    }

    @Test
    void givenCallbackBeforeTheStkResponse_whenTheResponseIsStored_thenTheKeptCallbackIsApplied() throws Exception {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        var release = new CountDownLatch(1);
        world.ports.gateway().holdPushesUntil(release);
        var tap = Concurrently.start(1, i -> world.tap(invoice, "tap"));
        assertThat(world.ports.gateway().awaitPushes(1, Duration.ofSeconds(10))).isTrue();

        RecordOutcome early = world.results.record(world.callbackFor(new CheckoutRequestId("ws_CO_1"), PAID,
                Optional.of(RECEIPT), Optional.of(BigDecimal.valueOf(2_500))));
        release.countDown();
        RequestPaymentOutcome answered = tap.results().getFirst();

        assertThat(early).isInstanceOf(RecordOutcome.Kept.class);
        assertThat(answered).isInstanceOf(RequestPaymentOutcome.Initiated.class);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.ports.paymentResults().findUnprocessed(new CheckoutRequestId("ws_CO_1"))).isEmpty();
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).hasSize(1);
    }

    @Test
    void givenCallbackForUnknownCheckout_whenRecorded_thenKeptNotLost() {
        var world = new PaymentWorld();
        var unknown = new CheckoutRequestId("ws_CO_unknown");

        RecordOutcome outcome = world.results.record(world.callbackFor(unknown, PAID, Optional.of(RECEIPT),
                Optional.of(BigDecimal.valueOf(2_500))));

        assertThat(outcome).isInstanceOf(RecordOutcome.Kept.class);
        assertThat(world.ports.paymentResults().findUnprocessed(unknown)).isPresent();
        assertThat(world.outbox()).isEmpty();
    }

    @Test
    void givenCancelledOnThePhone_whenCallback_thenInvoiceStaysPayableAndBothAreTold() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap-1");

        RecordOutcome outcome = world.callback(attempt, CANCELLED_BY_USER);

        assertThat(outcome).isInstanceOf(RecordOutcome.Applied.class);
        assertThat(world.payment(attempt).status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.PAYMENT_FAILED)).singleElement().satisfies(m -> {
            assertThat(m.content().text()).isEqualTo(BotCopy.paymentFailedToCustomer(invoice.id(), invoice.amount(),
                    StkReason.CANCELLED_BY_USER.customerSentence()));
            assertThat(m.content().buttons()).containsExactly(BotCopy.payButton(invoice.id()));
            assertThat(m.content().smsText()).hasValueSatisfying(sms -> assertThat(sms)
                    .contains(invoice.id().value(), "KES 2,500", "PAY " + invoice.id().value()));
        });
        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement()
                .satisfies(m -> assertThat(m.content().text()).isEqualTo(BotCopy.paymentFailedToMerchant(
                        invoice.id(), invoice.amount(), StkReason.CANCELLED_BY_USER.plainReason())));
        assertThat(world.ports.events().published(PaymentEvent.Failed.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(StkReason.CANCELLED_BY_USER));

        world.advance(world.settings.cooldown());
        assertThat(world.tap(invoice, "tap-2")).isInstanceOf(RequestPaymentOutcome.Initiated.class);
        assertThat(world.ports.gateway().pushCount()).isEqualTo(2);
    }

    @Test
    void givenFailureAlreadyApplied_whenAnotherFailureForTheSamePush_thenIgnored() {
        var world = new PaymentWorld();
        Payment attempt = world.initiated(world.sentInvoice(), "tap");
        world.callback(attempt, CANCELLED_BY_USER);
        int queued = world.outbox().size();

        assertThat(world.callback(attempt, CANCELLED_BY_USER)).isInstanceOf(RecordOutcome.Duplicate.class);
        assertThat(world.outbox()).hasSize(queued);
    }

    @Test
    void givenOtherAmountReported_whenSuccessCallback_thenNotPaidAndMerchantTold() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");

        RecordOutcome outcome = world.results.record(world.callbackFor(attempt.checkoutRequestId().orElseThrow(),
                PAID, Optional.of(RECEIPT), Optional.of(new BigDecimal("2000.00"))));

        assertThat(outcome).isInstanceOfSatisfying(RecordOutcome.AmountMismatch.class,
                m -> assertThat(m.reported()).isEqualByComparingTo("2000"));
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(world.payment(attempt).status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).isEmpty();
        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement()
                .satisfies(m -> assertThat(m.content().text())
                        .contains("KES 2,000", invoice.id().value(), "KES 2,500", "not marked paid"));
        assertThat(world.ports.events().published(PaymentEvent.AmountMismatch.class)).hasSize(1);
        assertThat(world.ports.events().published(InvoiceEvent.Paid.class)).isEmpty();
    }

    @Test
    void givenExpiredAttempt_whenLateSuccessCallback_thenInvoicePaid() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        world.advance(world.settings.expireAfter());
        world.reconciler.reconcile();
        assertThat(world.payment(attempt).status()).isEqualTo(PaymentStatus.EXPIRED);

        RecordOutcome late = world.callback(attempt, PAID);

        assertThat(late).isInstanceOf(RecordOutcome.Applied.class);
        assertThat(world.payment(attempt).status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).hasSize(1);
    }

    @Test
    void givenMerchantCancelledAfterTheAttemptExpired_whenLateSuccess_thenPaidAndMerchantWarned() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        world.advance(world.settings.expireAfter());
        world.reconciler.reconcile();
        world.cancelled(invoice);

        world.callback(attempt, PAID);

        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.ports.events().published(InvoiceEvent.PaidAfterCancellation.class)).hasSize(1);
        assertThat(lastToMerchant(world).content().text()).contains(invoice.id().value(), "KES 2,500", "cancelled");
    }

    @Test
    void givenPaidByASecondAttempt_whenTheExpiredFirstAlsoPays_thenMerchantAskedToRefund() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment first = world.initiated(invoice, "tap-1");
        world.advance(world.settings.expireAfter());
        world.reconciler.reconcile();
        world.advance(world.settings.cooldown());
        Payment second = world.initiated(invoice, "tap-2");
        world.callback(second, PAID);

        world.results.record(world.callbackFor(first.checkoutRequestId().orElseThrow(), PAID,
                Optional.of(OTHER_RECEIPT), Optional.of(BigDecimal.valueOf(2_500))));

        assertThat(world.invoice(invoice.id()).receipt()).contains(RECEIPT);
        assertThat(world.ports.events().published(InvoiceEvent.DoublePaymentReceived.class)).hasSize(1);
        assertThat(lastToMerchant(world).content().text())
                .contains(invoice.id().value(), "KES 2,500", "paid twice", OTHER_RECEIPT.value());
    }

    @Test
    void givenNoEarlyCallback_whenTheStkResponseAsksForOne_thenNothingToApply() {
        var world = new PaymentWorld();
        world.ports.gateway().respondWith(new StkPushResponse.Accepted(new MerchantRequestId("mr-9"),
                new CheckoutRequestId("ws_CO_9")));
        world.initiated(world.sentInvoice(), "tap");

        assertThat(world.results.applyStored(new CheckoutRequestId("ws_CO_9")))
                .isInstanceOf(RecordOutcome.Duplicate.class);
    }

    @Test
    void givenConcurrentWriterOnTheInvoice_whenCallbackApplied_thenRetriedAndAppliedOnce() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        var invoices = new ConflictingInvoices(world.ports.invoices());
        var results = new RecordPaymentResultService(world.ports.paymentResults(), world.ports.payments(), invoices,
                world.ports.outbox(), world.ports.transactions(), world.ports.ids(), world.ports.clock(),
                world.ports.events(), world.merchant, world.ports.tracing());
        invoices.conflictTimes(RetryingTransactions.ATTEMPTS - 1);

        RecordOutcome outcome = results.record(world.callbackFor(attempt.checkoutRequestId().orElseThrow(), PAID,
                Optional.of(RECEIPT), Optional.of(BigDecimal.valueOf(2_500))));

        assertThat(outcome).isInstanceOf(RecordOutcome.Applied.class);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).hasSize(1);
    }

    @Test
    void givenConflictsOnEveryTry_whenCallbackRecorded_thenKeptForTheReconciler() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        var invoices = new ConflictingInvoices(world.ports.invoices());
        var results = new RecordPaymentResultService(world.ports.paymentResults(), world.ports.payments(), invoices,
                world.ports.outbox(), world.ports.transactions(), world.ports.ids(), world.ports.clock(),
                world.ports.events(), world.merchant, world.ports.tracing());
        invoices.conflictTimes(RetryingTransactions.ATTEMPTS);

        RecordOutcome outcome = results.record(world.callbackFor(attempt.checkoutRequestId().orElseThrow(), PAID,
                Optional.of(RECEIPT), Optional.of(BigDecimal.valueOf(2_500))));
        world.advance(world.settings.queryAfter().plusSeconds(1));
        world.reconciler.reconcile();

        assertThat(outcome).isInstanceOf(RecordOutcome.Kept.class);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).hasSize(1);
    }

    private static OutboxMessage lastToMerchant(PaymentWorld world) {
        return world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE).getLast();
    }
}
