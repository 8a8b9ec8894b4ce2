package ke.invoiceiq.domain.payment;

import static ke.invoiceiq.domain.payment.PaymentFixtures.INVOICE;
import static ke.invoiceiq.domain.payment.PaymentFixtures.MERCHANT_REQUEST;
import static ke.invoiceiq.domain.payment.PaymentFixtures.PAYER;
import static ke.invoiceiq.domain.payment.PaymentFixtures.RECEIPT;
import static ke.invoiceiq.domain.payment.PaymentFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Money that matched no attempt: raised from a success only, kept OPEN until applied once, never lost. */
class UnmatchedPaymentTest {

    private static final UnmatchedPaymentId ID = new UnmatchedPaymentId("um-1");
    private static final CheckoutRequestId STRAY = new CheckoutRequestId("ws_CO_stray");
    private static final Instant PAID_AT = T0.plusSeconds(30);
    private static final Instant HEARD_AT = T0.plusSeconds(35);

    private static PaymentResult success(Optional<BigDecimal> amount, Optional<MpesaReceipt> receipt,
            Optional<Instant> paidAt, Optional<Msisdn> payer) {
        return new PaymentResult(STRAY, Optional.of(MERCHANT_REQUEST), StkResult.of(0), amount, receipt, paidAt,
                payer, HEARD_AT);
    }

    /** Callbacks as M-PESA sends them: full, without an amount, without a receipt, without a time or a number. */
    static List<PaymentResult> successes() {
        return List.of(
                success(Optional.of(new BigDecimal("2500.00")), Optional.of(RECEIPT), Optional.of(PAID_AT),
                        Optional.of(PAYER)),
                success(Optional.of(new BigDecimal("1499.50")), Optional.of(RECEIPT), Optional.of(PAID_AT),
                        Optional.of(PAYER)),
                success(Optional.empty(), Optional.of(RECEIPT), Optional.of(PAID_AT), Optional.of(PAYER)),
                success(Optional.of(new BigDecimal("2500")), Optional.empty(), Optional.empty(), Optional.empty()),
                success(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("successes")
    void givenMoneyThatMatchedNothing_whenRaised_thenOpenWithWhatMpesaSaid(PaymentResult result) {
        UnmatchedPayment raised = UnmatchedPayment.raise(ID, result);

        assertThat(raised.isOpen()).isTrue();
        assertThat(raised.status()).isEqualTo(UnmatchedPayment.Status.OPEN);
        assertThat(raised.checkoutRequestId()).contains(STRAY);
        assertThat(raised.merchantRequestId()).isEqualTo(result.merchantRequestId());
        assertThat(raised.receipt()).isEqualTo(result.receipt());
        assertThat(raised.amount()).isEqualTo(result.money());
        assertThat(raised.payer()).isEqualTo(result.phone());
        assertThat(raised.transactionTime()).isEqualTo(result.transactionTime());
        assertThat(raised.receivedAt()).isEqualTo(HEARD_AT);
        assertThat(raised.appliedTo()).isEmpty();
        assertThat(raised.resolvedAt()).isEmpty();
        assertThat(raised.version()).isZero();
    }

    @ParameterizedTest
    @MethodSource("successes")
    void givenRaisedMoney_whenReadBackAsAResult_thenItIsTheResultItWasRaisedFrom(PaymentResult result) {
        UnmatchedPayment raised = UnmatchedPayment.raise(ID, result);

        PaymentResult back = raised.asResult();

        assertThat(back.checkoutRequestId()).isEqualTo(result.checkoutRequestId());
        assertThat(back.merchantRequestId()).isEqualTo(result.merchantRequestId());
        assertThat(back.result().isSuccess()).isTrue();
        assertThat(back.money()).isEqualTo(result.money());
        assertThat(back.receipt()).isEqualTo(result.receipt());
        assertThat(back.transactionTime()).isEqualTo(result.transactionTime());
        assertThat(back.phone()).isEqualTo(result.phone());
        assertThat(back.paidAround()).isEqualTo(result.paidAround());
        assertThat(UnmatchedPayment.raise(ID, back)).isEqualTo(raised);
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {1032, 1037, 1, 2001, 1019, -3})
    void givenAFailure_whenRaised_thenRejectedBecauseOnlyMoneyIsKept(int code) {
        PaymentResult failure = new PaymentResult(STRAY, Optional.empty(), StkResult.of(code), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), HEARD_AT);

        assertThatIllegalArgumentException().isThrownBy(() -> UnmatchedPayment.raise(ID, failure))
                .withMessageContaining(String.valueOf(code));
    }

    @Test
    void givenOpenMoney_whenApplied_thenAppliedToThatInvoiceAtThatTimeKeepingWhatMpesaSaid() {
        UnmatchedPayment open = UnmatchedPayment.raise(ID, successes().getFirst());
        Instant now = T0.plusSeconds(600);

        UnmatchedPayment applied = open.appliedTo(INVOICE, now);

        assertThat(applied.isOpen()).isFalse();
        assertThat(applied.status()).isEqualTo(UnmatchedPayment.Status.APPLIED);
        assertThat(applied.appliedTo()).contains(INVOICE);
        assertThat(applied.resolvedAt()).contains(now);
        assertThat(applied.asResult()).isEqualTo(open.asResult());
        assertThat(applied.version()).isEqualTo(open.version());
    }

    @Test
    void givenAppliedMoney_whenAppliedAgain_thenRefusedEvenToAnotherInvoice() {
        UnmatchedPayment applied = UnmatchedPayment.raise(ID, successes().getFirst()).appliedTo(INVOICE, T0);

        assertThatIllegalStateException().isThrownBy(() -> applied.appliedTo(INVOICE, T0.plusSeconds(1)));
        assertThatIllegalStateException()
                .isThrownBy(() -> applied.appliedTo(new InvoiceId("INV-2B4C6D"), T0.plusSeconds(1)));
    }

    @Test
    void givenStatusAndResolution_whenTheyDisagree_thenRejected() {
        UnmatchedPayment open = UnmatchedPayment.raise(ID, successes().getFirst());

        assertThatIllegalArgumentException().isThrownBy(() -> new UnmatchedPayment(ID, Optional.of(STRAY), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), HEARD_AT,
                UnmatchedPayment.Status.APPLIED, Optional.empty(), Optional.empty(), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new UnmatchedPayment(ID, Optional.of(STRAY), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), HEARD_AT,
                UnmatchedPayment.Status.OPEN, Optional.of(INVOICE), Optional.of(T0), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new UnmatchedPayment(ID, Optional.of(STRAY), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), HEARD_AT,
                UnmatchedPayment.Status.APPLIED, Optional.of(INVOICE), Optional.empty(), 0));
        assertThat(open.withVersion(4).version()).isEqualTo(4);
        assertThat(open.withVersion(4)).usingRecursiveComparison().ignoringFields("version").isEqualTo(open);
    }

    @Test
    void givenAmountMpesaReported_whenRaised_thenKeptToTheCent() {
        UnmatchedPayment raised = UnmatchedPayment.raise(ID, successes().get(1));

        assertThat(raised.amount()).contains(new Money(149_950));
    }

    @Test
    void givenAC2bPaymentThatFitsNoInvoice_whenRaised_thenItIsOpenUnderItsTransIdWithNoPromptAndNoPayer() {
        var c2b = new C2bPayment(new MpesaReceipt("QAB1CD2EF3"), C2bPayment.Kind.TILL,
                ke.invoiceiq.domain.invoice.Money.ofShillings(700), T0, "600100", Optional.empty(), HEARD_AT);

        UnmatchedPayment raised = UnmatchedPayment.raise(ID, c2b);

        assertThat(raised.isOpen()).isTrue();
        assertThat(raised.outsidePrompt()).isTrue();
        assertThat(raised.checkoutRequestId()).isEmpty();
        assertThat(raised.receipt()).contains(c2b.receipt());
        assertThat(raised.amount()).contains(c2b.amount());
        assertThat(raised.payer()).as("Safaricom masks the number: nothing to keep").isEmpty();
        assertThat(raised.transactionTime()).contains(T0);
        assertThatIllegalStateException().isThrownBy(raised::asResult);
    }

    @Test
    void givenNeitherACheckoutIdNorAReceipt_whenBuilt_thenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new UnmatchedPayment(ID, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), HEARD_AT,
                UnmatchedPayment.Status.OPEN, Optional.empty(), Optional.empty(), 0));
    }
}
