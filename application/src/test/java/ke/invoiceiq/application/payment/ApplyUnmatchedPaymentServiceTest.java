package ke.invoiceiq.application.payment;

import static ke.invoiceiq.application.payment.PaymentWorld.CUSTOMER;
import static ke.invoiceiq.application.payment.PaymentWorld.MERCHANT;
import static ke.invoiceiq.application.payment.PaymentWorld.PAID;
import static ke.invoiceiq.application.payment.PaymentWorld.RECEIPT;
import static ke.invoiceiq.application.payment.PaymentWorld.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.UnaryOperator;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.Settlement;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.KeptResult;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.StkPushResponse;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.UnmatchedPayment;
import ke.invoiceiq.domain.payment.UnmatchedPaymentEvent;
import ke.invoiceiq.domain.payment.UnmatchedPaymentId;
import org.junit.jupiter.api.Test;

class ApplyUnmatchedPaymentServiceTest {

    private final PaymentWorld world = new PaymentWorld();

    @Test
    void givenOpenMoneyForTheWholeAmount_whenApplied_thenTheInvoiceIsPaidAndTheMoneyClosedAsApplied() {
        Invoice invoice = world.sentInvoice();
        UnmatchedPayment money = raised(RECEIPT, 2_500);

        ApplyUnmatchedPaymentOutcome outcome = world.applyUnmatched.apply(money.id(), invoice.id());

        assertThat(outcome).isInstanceOfSatisfying(ApplyUnmatchedPaymentOutcome.Applied.class, applied -> {
            assertThat(applied.settlement()).isInstanceOf(Settlement.Paid.class);
            assertThat(applied.payment().status()).isEqualTo(UnmatchedPayment.Status.APPLIED);
        });
        Invoice paid = world.invoice(invoice.id());
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.receipts()).containsExactly(RECEIPT);
        assertThat(world.ports.unmatchedPayments().find(money.id())).hasValueSatisfying(
                closed -> assertThat(closed.appliedTo()).contains(invoice.id()));
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).hasSize(1);
        assertThat(world.ports.events().published(InvoiceEvent.Paid.class)).hasSize(1);
        assertThat(world.ports.events().published(UnmatchedPaymentEvent.Applied.class)).singleElement()
                .satisfies(e -> assertThat(e.invoiceId()).isEqualTo(invoice.id()));
    }

    @Test
    void givenOpenMoneyForPartOfTheAmount_whenApplied_thenPartlyPaidWithTheBalanceLeft() {
        Invoice invoice = world.sentInvoice();
        UnmatchedPayment money = raised(RECEIPT, 1_000);

        ApplyUnmatchedPaymentOutcome outcome = world.applyUnmatched.apply(money.id(), invoice.id());

        assertThat(outcome).isInstanceOfSatisfying(ApplyUnmatchedPaymentOutcome.Applied.class,
                applied -> assertThat(applied.settlement()).isInstanceOfSatisfying(Settlement.PartlyPaid.class,
                        part -> assertThat(part.balance()).isEqualTo(Money.ofShillings(1_500))));
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(world.invoice(invoice.id()).balance()).isEqualTo(Money.ofShillings(1_500));
    }

    @Test
    void givenMoneyAppliedBefore_whenAppliedAgain_thenAlreadyAppliedAndNothingCountedTwice() {
        Invoice invoice = world.sentInvoice();
        Invoice other = world.sentInvoice();
        UnmatchedPayment money = raised(RECEIPT, 1_000);
        world.applyUnmatched.apply(money.id(), invoice.id());
        int queued = world.outbox().size();

        ApplyUnmatchedPaymentOutcome again = world.applyUnmatched.apply(money.id(), other.id());

        assertThat(again).isInstanceOfSatisfying(ApplyUnmatchedPaymentOutcome.AlreadyApplied.class,
                applied -> assertThat(applied.payment().appliedTo()).contains(invoice.id()));
        assertThat(world.invoice(invoice.id()).paid()).isEqualTo(Money.ofShillings(1_000));
        assertThat(world.invoice(other.id()).payments()).isEmpty();
        assertThat(world.outbox()).hasSize(queued);
    }

    @Test
    void givenTheReceiptIsOnAnAttemptAlready_whenApplied_thenAlreadyRecordedThereAndClosedWithoutCountingIt() {
        Invoice invoice = world.sentInvoice();
        Invoice other = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "tap");
        UnmatchedPayment money = raised(RECEIPT, 2_500);
        world.callback(attempt, PAID);

        ApplyUnmatchedPaymentOutcome outcome = world.applyUnmatched.apply(money.id(), other.id());

        assertThat(outcome).isInstanceOfSatisfying(ApplyUnmatchedPaymentOutcome.AlreadyRecorded.class, recorded -> {
            assertThat(recorded.recordedOn()).isEqualTo(invoice.id());
            assertThat(recorded.payment().status()).isEqualTo(UnmatchedPayment.Status.APPLIED);
        });
        assertThat(world.invoice(other.id()).payments()).isEmpty();
        assertThat(world.invoice(invoice.id()).receipts()).containsExactly(RECEIPT);
    }

    /**
     * The money was raised under a CheckoutRequestID that an attempt of another invoice got afterwards (the push's
     * answer came late, and the automatic application of the raised money died with the process): it belongs to that
     * attempt, whatever invoice the operator names, and is counted there once.
     */
    @Test
    void givenAnAttemptNowHoldsItsCheckoutRequestId_whenAppliedToAnotherInvoice_thenItPaysThatAttemptsInvoiceOnly() {
        PaymentWorld lossy = new PaymentWorld(InMemoryPorts::gateway, WithoutApplyStored.CRASH_AFTER_THE_RESPONSE);
        Invoice owner = lossy.sentInvoice();
        Invoice named = lossy.sentInvoice();
        CheckoutRequestId checkout = new CheckoutRequestId("ws_CO_late_answer");
        UnmatchedPayment money = lossy.unmatched(lossy.callbackFrom(CUSTOMER, checkout, PAID, Optional.of(RECEIPT),
                Optional.of(BigDecimal.valueOf(2_500))));
        lossy.ports.gateway().respondWith(new StkPushResponse.Accepted(new MerchantRequestId("mr-late"), checkout));
        lossy.initiated(owner, "tap");

        ApplyUnmatchedPaymentOutcome outcome = lossy.applyUnmatched.apply(money.id(), named.id());

        assertThat(outcome).isInstanceOfSatisfying(ApplyUnmatchedPaymentOutcome.AlreadyRecorded.class,
                recorded -> assertThat(recorded.recordedOn()).isEqualTo(owner.id()));
        assertThat(lossy.invoice(owner.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(lossy.invoice(owner.id()).receipts()).containsExactly(RECEIPT);
        assertThat(lossy.invoice(named.id()).payments()).isEmpty();
        assertThat(lossy.ports.unmatchedPayments().find(money.id()).orElseThrow().appliedTo()).contains(owner.id());
    }

    @Test
    void givenMoneyWhoseAmountMpesaNeverSaid_whenApplied_thenAmountUnknownAndItStaysOpen() {
        Invoice invoice = world.sentInvoice();
        UnmatchedPayment money = world.unmatched(world.callbackFrom(STRANGER, new CheckoutRequestId("ws_CO_stray"),
                PAID, Optional.of(RECEIPT), Optional.empty()));

        ApplyUnmatchedPaymentOutcome outcome = world.applyUnmatched.apply(money.id(), invoice.id());

        assertThat(outcome).isInstanceOf(ApplyUnmatchedPaymentOutcome.AmountUnknown.class);
        assertThat(world.ports.unmatchedPayments().find(money.id()).orElseThrow().isOpen()).isTrue();
        assertThat(world.invoice(invoice.id()).payments()).isEmpty();
    }

    @Test
    void givenNoSuchUnmatchedPayment_whenApplied_thenPaymentNotFound() {
        Invoice invoice = world.sentInvoice();

        assertThat(world.applyUnmatched.apply(new UnmatchedPaymentId("um-unknown"), invoice.id()))
                .isInstanceOf(ApplyUnmatchedPaymentOutcome.PaymentNotFound.class);
    }

    @Test
    void givenNoSuchInvoice_whenApplied_thenInvoiceNotFoundAndTheMoneyStaysOpen() {
        UnmatchedPayment money = raised(RECEIPT, 2_500);

        ApplyUnmatchedPaymentOutcome outcome = world.applyUnmatched.apply(money.id(), new InvoiceId("INV-ZZZZZZ"));

        assertThat(outcome).isInstanceOf(ApplyUnmatchedPaymentOutcome.InvoiceNotFound.class);
        assertThat(world.ports.unmatchedPayments().find(money.id()).orElseThrow().isOpen()).isTrue();
        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).as("only the unmatched notice")
                .hasSize(1);
    }

    /** Money from a number no attempt was for, raised as unmatched. */
    private UnmatchedPayment raised(MpesaReceipt receipt, long shillings) {
        return world.unmatched(world.callbackFrom(STRANGER, new CheckoutRequestId("ws_CO_" + receipt.value()), PAID,
                Optional.of(receipt), Optional.of(BigDecimal.valueOf(shillings))));
    }
}
