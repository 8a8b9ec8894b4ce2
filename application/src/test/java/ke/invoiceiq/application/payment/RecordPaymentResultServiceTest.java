package ke.invoiceiq.application.payment;

import static ke.invoiceiq.application.payment.PaymentWorld.CANCELLED_BY_USER;
import static ke.invoiceiq.application.payment.PaymentWorld.CUSTOMER;
import static ke.invoiceiq.application.payment.PaymentWorld.MERCHANT;
import static ke.invoiceiq.application.payment.PaymentWorld.OTHER_RECEIPT;
import static ke.invoiceiq.application.payment.PaymentWorld.PAID;
import static ke.invoiceiq.application.payment.PaymentWorld.PHONE_UNREACHABLE;
import static ke.invoiceiq.application.payment.PaymentWorld.RECEIPT;
import static ke.invoiceiq.application.payment.PaymentWorld.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import ke.invoiceiq.application.messaging.DispatchOutboxService;
import ke.invoiceiq.application.settings.DispatchSettings;
import ke.invoiceiq.application.shared.RetryingTransactions;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.Settlement;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.OutboxStatus;
import ke.invoiceiq.domain.messaging.SmsText;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.KeptResult;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentEvent;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.PaymentStatus;
import ke.invoiceiq.domain.payment.StkPushResponse;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.payment.UnmatchedPayment;
import ke.invoiceiq.domain.payment.UnmatchedPaymentEvent;
import org.junit.jupiter.api.Test;

class RecordPaymentResultServiceTest {

    private static final Optional<BigDecimal> KES_2500 = Optional.of(BigDecimal.valueOf(2_500));

    @Test
    void givenOpenAttempt_whenSuccessCallback_thenInvoicePaidAndReceiptsQueuedForBoth() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");

        RecordOutcome outcome = world.callback(attempt, PAID);

        assertThat(outcome).isInstanceOfSatisfying(RecordOutcome.Settled.class,
                settled -> assertThat(settled.settlement()).isInstanceOf(Settlement.Paid.class));
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
    void givenACustomerWhoPaysTwoDaysAfterTheMerchantLastWrote_whenTheNoticesGoOut_thenTheMerchantGetsPaidBySms() {
        var world = new PaymentWorld();
        world.ports.customers().recordInbound(MERCHANT, world.now());
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        world.advance(Duration.ofDays(2));
        world.callback(attempt, PAID);
        var dispatcher = new DispatchOutboxService(world.ports.outbox(), world.ports.chat(), world.ports.sms(),
                world.ports.sendSlots(), world.ports.customers(), world.ports.invoices(), world.ports.messageLog(),
                world.ports.transactions(), world.ports.clock(), world.ports.ids(), world.ports.events(),
                world.merchant, DispatchSettings.DEFAULT, world.ports.tracing());

        dispatcher.dispatch();

        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement().satisfies(notice -> {
            assertThat(notice.status()).isEqualTo(OutboxStatus.SENT);
            assertThat(notice.channel()).isEqualTo(Channel.SMS);
        });
        assertThat(world.ports.chat().sentTo(MERCHANT)).isEmpty();
        assertThat(world.ports.sms().sentTo(MERCHANT)).singleElement().satisfies(sms -> assertThat(sms.text())
                .startsWith("Paid - Invoice #" + invoice.id().value()).contains("NLJ7RT61SV"));
    }

    @Test
    void givenEverySettlementTheMerchantHearsOf_whenQueued_thenEachNoticeCarriesAPlainSmsText() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        world.callback(attempt, PAID);
        Payment second = world.initiated(world.sentInvoice(), "tap-2");
        world.callback(second, CANCELLED_BY_USER);

        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(notice -> {
                    assertThat(notice.content().smsText()).hasValueSatisfying(
                            sms -> assertThat(SmsText.isGsm7(sms)).isTrue());
                    assertThat(notice.canFallBackToSms()).isTrue();
                });
    }

    @Test
    void givenCallback_whenRecorded_thenItsRawBodyIsKeptInTheInbox() {
        var world = new PaymentWorld();
        Payment attempt = world.initiated(world.sentInvoice(), "tap");
        PaymentResult callback = world.callbackFor(attempt.checkoutRequestId().orElseThrow(), PAID,
                Optional.of(RECEIPT), KES_2500);

        world.results.record(callback, Optional.of("{\"Body\":{\"stkCallback\":{}}}"));

        assertThat(world.ports.paymentResults().rawBody(1)).contains("{\"Body\":{\"stkCallback\":{}}}");
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

        assertThat(outcomes).filteredOn(RecordOutcome.Settled.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(RecordOutcome.Duplicate.class::isInstance).hasSize(9);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).hasSize(1);
        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).hasSize(1);
        assertThat(world.ports.events().published(InvoiceEvent.Paid.class)).hasSize(1);
    }

    // ---- finding the attempt --------------------------------------------------------------------------------

    @Test
    void givenFailureCallbackBeforeTheStkResponse_whenTheResponseIsStored_thenTheKeptCallbackIsApplied()
            throws Exception {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        var release = new CountDownLatch(1);
        world.ports.gateway().holdPushesUntil(release);
        var tap = Concurrently.start(1, i -> world.tap(invoice, "tap"));
        assertThat(world.ports.gateway().awaitPushes(1, Duration.ofSeconds(10))).isTrue();
        var checkout = new CheckoutRequestId("ws_CO_1");

        RecordOutcome early = world.results.record(world.callbackFor(checkout, CANCELLED_BY_USER, Optional.empty(),
                Optional.empty()), Optional.empty());
        release.countDown();
        tap.results();

        assertThat(early).isInstanceOf(RecordOutcome.Kept.class);
        assertThat(world.onlyAttempt(invoice).status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(world.ports.paymentResults().unprocessed(checkout)).isEmpty();
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.PAYMENT_FAILED)).hasSize(1);
    }

    @Test
    void givenSuccessCallbackBeforeTheStkResponse_whenRecorded_thenItPaysTheAttemptAtOnceByPayerAndAmount()
            throws Exception {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        var release = new CountDownLatch(1);
        world.ports.gateway().holdPushesUntil(release);
        var tap = Concurrently.start(1, i -> world.tap(invoice, "tap"));
        assertThat(world.ports.gateway().awaitPushes(1, Duration.ofSeconds(10))).isTrue();

        RecordOutcome early = world.results.record(world.callbackFor(new CheckoutRequestId("ws_CO_1"), PAID,
                Optional.of(RECEIPT), KES_2500), Optional.empty());
        release.countDown();
        RequestPaymentOutcome answered = tap.results().getFirst();

        assertThat(early).isInstanceOf(RecordOutcome.Settled.class);
        assertThat(answered).isInstanceOf(RequestPaymentOutcome.Initiated.class);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).hasSize(1);
    }

    @Test
    void givenAttemptDarajaNeverNamed_whenASuccessCallbackUnderAnUnknownCheckoutComes_thenItPaysByPayerAmountAndTime() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        world.ports.gateway().respondWith(new StkPushResponse.OutcomeUnknown("read timed out"));
        world.tap(invoice, "tap");
        world.advance(Duration.ofSeconds(40));
        var checkout = new CheckoutRequestId("ws_CO_lost");

        RecordOutcome outcome = world.results.record(world.callbackFor(checkout, PAID, Optional.of(RECEIPT),
                KES_2500), Optional.empty());

        assertThat(outcome).isInstanceOf(RecordOutcome.Settled.class);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.onlyAttempt(invoice).checkoutRequestId()).contains(checkout);
        assertThat(world.onlyAttempt(invoice).merchantRequestId()).contains(new MerchantRequestId("mr-of-ws_CO_lost"));
    }

    @Test
    void givenAttemptNamedByItsMatchedCallback_whenTheCallbackIsRepeated_thenDuplicate() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        world.ports.gateway().respondWith(new StkPushResponse.OutcomeUnknown("read timed out"));
        world.tap(invoice, "tap");
        PaymentResult callback = world.callbackFor(new CheckoutRequestId("ws_CO_lost"), PAID, Optional.of(RECEIPT),
                KES_2500);
        world.results.record(callback, Optional.empty());
        int queued = world.outbox().size();

        RecordOutcome again = world.results.record(callback, Optional.empty());

        assertThat(again).isInstanceOf(RecordOutcome.Duplicate.class);
        assertThat(world.outbox()).hasSize(queued);
        assertThat(world.ports.events().published(InvoiceEvent.Paid.class)).hasSize(1);
    }

    @Test
    void givenAttemptDarajaNeverNamed_whenASuccessForAnotherAmountComes_thenNotMatchedAndKept() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        world.ports.gateway().respondWith(new StkPushResponse.OutcomeUnknown("read timed out"));
        world.tap(invoice, "tap");

        RecordOutcome outcome = world.results.record(world.callbackFor(new CheckoutRequestId("ws_CO_lost"), PAID,
                Optional.of(RECEIPT), Optional.of(BigDecimal.valueOf(900))), Optional.empty());

        assertThat(outcome).isInstanceOf(RecordOutcome.Kept.class);
        assertThat(world.onlyAttempt(invoice).status()).isEqualTo(PaymentStatus.INITIATED);
    }

    @Test
    void givenNamedAttempt_whenACallbackNamesItsMerchantRequestUnderAnotherCheckout_thenItPaysThatAttempt() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        var callback = new PaymentResult(new CheckoutRequestId("ws_CO_other"), attempt.merchantRequestId(), PAID,
                KES_2500, Optional.of(RECEIPT), Optional.of(world.now()), Optional.of(STRANGER), world.now());

        RecordOutcome outcome = world.results.record(callback, Optional.empty());

        assertThat(outcome).isInstanceOf(RecordOutcome.Settled.class);
        assertThat(world.payment(attempt).status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
    }

    // ---- results that match nothing -------------------------------------------------------------------------

    @Test
    void givenCallbackForUnknownCheckout_whenRecorded_thenKeptNotRaisedAndNothingTold() {
        var world = new PaymentWorld();
        var unknown = new CheckoutRequestId("ws_CO_unknown");

        RecordOutcome outcome = world.results.record(world.callbackFor(unknown, PAID, Optional.of(RECEIPT),
                KES_2500), Optional.empty());

        assertThat(outcome).isInstanceOf(RecordOutcome.Kept.class);
        assertThat(world.ports.paymentResults().unprocessed(unknown)).hasSize(1);
        assertThat(world.ports.unmatchedPayments().countOpen()).isZero();
        assertThat(world.outbox()).isEmpty();
    }

    @Test
    void givenKeptMoneyThatStillMatchesNothing_whenResolvedForGood_thenRaisedAsUnmatchedAndTheMerchantTold() {
        var world = new PaymentWorld();
        var stray = new CheckoutRequestId("ws_CO_stray");
        world.results.record(world.callbackFrom(STRANGER, stray, PAID, Optional.of(RECEIPT), KES_2500),
                Optional.empty());
        KeptResult kept = world.ports.paymentResults().unprocessed(stray).getFirst();

        RecordOutcome outcome = world.results.resolve(kept, true);

        assertThat(outcome).isInstanceOfSatisfying(RecordOutcome.Unmatched.class, raised -> {
            assertThat(raised.payment().isOpen()).isTrue();
            assertThat(raised.payment().amount()).contains(Money.ofShillings(2_500));
            assertThat(world.ports.unmatchedPayments().find(raised.payment().id())).isPresent();
            assertThat(world.ports.events().published(UnmatchedPaymentEvent.Raised.class)).singleElement()
                    .satisfies(e -> assertThat(e.unmatchedPaymentId()).isEqualTo(raised.payment().id()));
        });
        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement()
                .satisfies(m -> assertThat(m.content().text())
                        .contains(RECEIPT.value(), "KES 2,500", STRANGER.masked())
                        .doesNotContain(STRANGER.value()));
        assertThat(world.ports.paymentResults().unprocessed(stray)).isEmpty();
    }

    @Test
    void givenKeptFailureThatStillMatchesNothing_whenResolvedForGood_thenLetGoWithNothingRaisedOrTold() {
        var world = new PaymentWorld();
        var stray = new CheckoutRequestId("ws_CO_stray");
        world.results.record(world.callbackFor(stray, CANCELLED_BY_USER, Optional.empty(), Optional.empty()),
                Optional.empty());
        KeptResult kept = world.ports.paymentResults().unprocessed(stray).getFirst();

        RecordOutcome outcome = world.results.resolve(kept, true);

        assertThat(outcome).isInstanceOf(RecordOutcome.Duplicate.class);
        assertThat(world.ports.unmatchedPayments().countOpen()).isZero();
        assertThat(world.ports.paymentResults().unprocessed(stray)).isEmpty();
        assertThat(world.outbox()).isEmpty();
    }

    @Test
    void givenKeptResultThatMatchesNothing_whenResolvedNotForGood_thenStillKept() {
        var world = new PaymentWorld();
        var stray = new CheckoutRequestId("ws_CO_stray");
        world.results.record(world.callbackFor(stray, PAID, Optional.of(RECEIPT), KES_2500), Optional.empty());
        KeptResult kept = world.ports.paymentResults().unprocessed(stray).getFirst();

        RecordOutcome outcome = world.results.resolve(kept, false);

        assertThat(outcome).isInstanceOf(RecordOutcome.Kept.class);
        assertThat(world.ports.paymentResults().unprocessed(stray)).hasSize(1);
        assertThat(world.ports.unmatchedPayments().countOpen()).isZero();
    }

    @Test
    void givenReceiptAlreadyRecordedOnAnAttempt_whenTheSameMoneyUnderAnotherCheckoutIsResolved_thenNeverRaised() {
        var world = new PaymentWorld();
        world.callback(world.initiated(world.sentInvoice(), "tap"), PAID);
        var stray = new CheckoutRequestId("ws_CO_stray");
        world.results.record(world.callbackFrom(STRANGER, stray, PAID, Optional.of(RECEIPT), KES_2500),
                Optional.empty());
        int queued = world.outbox().size();

        RecordOutcome outcome = world.results.resolve(world.ports.paymentResults().unprocessed(stray).getFirst(),
                true);

        assertThat(outcome).isInstanceOf(RecordOutcome.Duplicate.class);
        assertThat(world.ports.unmatchedPayments().countOpen()).isZero();
        assertThat(world.outbox()).hasSize(queued);
        assertThat(world.ports.events().published(UnmatchedPaymentEvent.Raised.class)).isEmpty();
    }

    @Test
    void givenMoneyRaisedAsUnmatchedUnderACheckout_whenAnAttemptGetsThatName_thenItIsPaidAndTheUnmatchedApplied() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        UnmatchedPayment raised = world.unmatched(world.callbackFor(new CheckoutRequestId("ws_CO_1"), PAID,
                Optional.of(RECEIPT), KES_2500));

        RequestPaymentOutcome outcome = world.tap(invoice, "tap");

        assertThat(outcome).isInstanceOf(RequestPaymentOutcome.Initiated.class);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.invoice(invoice.id()).receipt()).contains(RECEIPT);
        assertThat(world.ports.unmatchedPayments().find(raised.id())).hasValueSatisfying(applied -> {
            assertThat(applied.status()).isEqualTo(UnmatchedPayment.Status.APPLIED);
            assertThat(applied.appliedTo()).contains(invoice.id());
        });
        assertThat(world.ports.events().published(UnmatchedPaymentEvent.Applied.class)).hasSize(1);
    }

    // ---- what M-PESA's answers mean -------------------------------------------------------------------------

    @Test
    void givenCancelledOnThePhone_whenCallback_thenInvoiceStaysPayableAndBothAreTold() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap-1");

        RecordOutcome outcome = world.callback(attempt, CANCELLED_BY_USER);

        assertThat(outcome).isInstanceOf(RecordOutcome.Settled.class);
        assertThat(world.payment(attempt).status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.PAYMENT_FAILED)).singleElement().satisfies(m -> {
            assertThat(m.content().text()).isEqualTo(BotCopy.paymentFailedToCustomer(invoice.id(), invoice.amount(),
                    StkReason.CANCELLED_BY_USER.customerSentence(world.settings.cooldown())));
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
    void givenPhoneUnreachableReported_whenTheMoneyIsReportedAfter_thenPaid() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        world.callback(attempt, PHONE_UNREACHABLE);

        RecordOutcome outcome = world.callback(attempt, PAID);

        assertThat(outcome).isInstanceOf(RecordOutcome.Settled.class);
        assertThat(world.payment(attempt).status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).hasSize(1);
    }

    @Test
    void givenMoneyReported_whenPhoneUnreachableIsReportedAfter_thenStillPaid() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        world.callback(attempt, PAID);
        int queued = world.outbox().size();

        RecordOutcome outcome = world.callback(attempt, PHONE_UNREACHABLE);

        assertThat(outcome).isInstanceOf(RecordOutcome.Duplicate.class);
        assertThat(world.payment(attempt).status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.outbox()).hasSize(queued);
    }

    @Test
    void givenLessThanTheAmountReported_whenSuccessCallback_thenPartlyPaidAndBothToldWhatIsLeft() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");

        RecordOutcome outcome = world.callback(attempt, PAID, RECEIPT, 2_000);

        assertThat(outcome).isInstanceOfSatisfying(RecordOutcome.Settled.class, settled -> assertThat(
                settled.settlement()).isInstanceOfSatisfying(Settlement.PartlyPaid.class,
                        part -> assertThat(part.balance()).isEqualTo(Money.ofShillings(500))));
        Invoice partlyPaid = world.invoice(invoice.id());
        assertThat(partlyPaid.status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(partlyPaid.paid()).isEqualTo(Money.ofShillings(2_000));
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).singleElement().satisfies(m -> {
            assertThat(m.content().text()).contains("KES 2,000", RECEIPT.value(), "Still to pay: KES 500");
            assertThat(m.content().buttons()).containsExactly(BotCopy.payButton(invoice.id()));
            assertThat(m.content().smsText()).hasValueSatisfying(sms -> assertThat(sms).contains("KES 500"));
        });
        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement()
                .satisfies(m -> assertThat(m.content().text())
                        .contains("Part payment", "KES 2,000", invoice.id().value(), "Still to pay: KES 500"));
        assertThat(world.ports.events().published(InvoiceEvent.PartPaymentReceived.class)).hasSize(1);
        assertThat(world.ports.events().published(InvoiceEvent.Paid.class)).isEmpty();
    }

    @Test
    void givenMoreThanTheAmountReported_whenSuccessCallback_thenPaidAndTheMerchantToldTheExcessToRefund() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");

        RecordOutcome outcome = world.callback(attempt, PAID, RECEIPT, 3_000);

        assertThat(outcome).isInstanceOfSatisfying(RecordOutcome.Settled.class, settled -> assertThat(
                settled.settlement()).isInstanceOfSatisfying(Settlement.Paid.class,
                        paid -> assertThat(paid.excess()).isEqualTo(Money.ofShillings(500))));
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(lastToMerchant(world).content().text())
                .contains(invoice.id().value(), "refund", "KES 500", RECEIPT.value());
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

        assertThat(late).isInstanceOf(RecordOutcome.Settled.class);
        assertThat(world.payment(attempt).status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).hasSize(1);
    }

    @Test
    void givenMerchantCancelledAfterTheAttemptExpired_whenLateFullPayment_thenPaidAndMerchantWarned() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        world.advance(world.settings.expireAfter());
        world.reconciler.reconcile();
        world.cancelled(invoice);

        world.callback(attempt, PAID);

        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.ports.events().published(InvoiceEvent.PaidAfterCancellation.class)).hasSize(1);
        assertThat(lastToMerchant(world).content().text()).contains(invoice.id().value(), "KES 2,500", "cancelled",
                "Refund the customer on M-PESA if the sale is off");
    }

    @Test
    void givenMerchantCancelledAfterTheAttemptExpired_whenLatePartPayment_thenStaysCancelledAndBothToldOfTheRefund() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        world.advance(world.settings.expireAfter());
        world.reconciler.reconcile();
        world.cancelled(invoice);

        RecordOutcome outcome = world.callback(attempt, PAID, RECEIPT, 1_000);

        assertThat(outcome).isInstanceOfSatisfying(RecordOutcome.Settled.class, settled -> assertThat(
                settled.settlement()).isInstanceOf(Settlement.ReceivedWhileCancelled.class));
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.CANCELLED);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).singleElement()
                .satisfies(m -> assertThat(m.content().text()).contains("KES 1,000", "cancelled", "refund"));
        assertThat(lastToMerchant(world).content().text())
                .contains(invoice.id().value(), "KES 1,000", "cancelled", "Please refund");
    }

    @Test
    void givenPaidByASecondAttempt_whenTheExpiredFirstAlsoPays_thenDoublePaymentAndMerchantAskedToRefund() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment first = world.initiated(invoice, "tap-1");
        world.advance(world.settings.expireAfter());
        world.reconciler.reconcile();
        Payment second = world.initiated(invoice, "tap-2");
        world.callback(second, PAID);

        RecordOutcome outcome = world.callback(first, PAID, OTHER_RECEIPT, 2_500);

        assertThat(outcome).isInstanceOfSatisfying(RecordOutcome.Settled.class, settled -> assertThat(
                settled.settlement()).isInstanceOf(Settlement.DoublePayment.class));
        assertThat(world.invoice(invoice.id()).receipts()).containsExactlyInAnyOrder(RECEIPT, OTHER_RECEIPT);
        assertThat(world.ports.events().published(InvoiceEvent.DoublePaymentReceived.class)).hasSize(1);
        assertThat(lastToMerchant(world).content().text())
                .contains(invoice.id().value(), "KES 2,500", "paid twice", OTHER_RECEIPT.value());
    }

    @Test
    void givenPaidInvoice_whenASecondPaymentComes_thenTheCustomerIsToldTheyWillBeRefunded() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment first = world.initiated(invoice, "tap-1");
        world.advance(world.settings.expireAfter());
        world.reconciler.reconcile();
        world.callback(world.initiated(invoice, "tap-2"), PAID);

        world.callback(first, PAID, OTHER_RECEIPT, 2_500);

        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).last()
                .satisfies(m -> assertThat(m.content().text())
                        .contains(invoice.id().value(), "already paid", OTHER_RECEIPT.value(), "will refund you"));
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

    // ---- concurrent writers ---------------------------------------------------------------------------------

    @Test
    void givenConcurrentWriterOnTheInvoice_whenCallbackApplied_thenRetriedAndAppliedOnce() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        var invoices = new ConflictingInvoices(world.ports.invoices());
        var results = world.results(invoices, world.ports.paymentResults());
        invoices.conflictTimes(RetryingTransactions.ATTEMPTS - 1);

        RecordOutcome outcome = results.record(world.callbackFor(attempt.checkoutRequestId().orElseThrow(), PAID,
                Optional.of(RECEIPT), KES_2500), Optional.empty());

        assertThat(outcome).isInstanceOf(RecordOutcome.Settled.class);
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).hasSize(1);
    }

    @Test
    void givenConflictsOnEveryTry_whenCallbackRecorded_thenKeptForTheReconciler() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        var invoices = new ConflictingInvoices(world.ports.invoices());
        var results = world.results(invoices, world.ports.paymentResults());
        invoices.conflictTimes(RetryingTransactions.ATTEMPTS);

        RecordOutcome outcome = results.record(world.callbackFor(attempt.checkoutRequestId().orElseThrow(), PAID,
                Optional.of(RECEIPT), KES_2500), Optional.empty());
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
