package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.callback;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.checkoutRequestId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoice;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoiceId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.receipt;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.payment.C2bPayment;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.StkResult;
import ke.invoiceiq.domain.payment.UnmatchedPayment;
import ke.invoiceiq.domain.payment.UnmatchedPayment.Status;
import ke.invoiceiq.domain.payment.UnmatchedPaymentId;
import ke.invoiceiq.domain.payment.UnmatchedPayments;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UnmatchedPayments} must do. The same money (CheckoutRequestID and receipt, or no receipt) is
 * raised once. An update is version-checked like an invoice's: a stale one loses with
 * {@link ConcurrentUpdateException}. The newest are the latest received (then the id, descending).
 */
public abstract class UnmatchedPaymentsContract {

    /** An empty store; called once before each test, before {@link #invoices()}. */
    protected abstract UnmatchedPayments payments();

    /** Where the invoices a payment is applied to are added (a database checks the reference). */
    protected abstract InvoiceRepository invoices();

    private UnmatchedPayments payments;

    @BeforeEach
    void startEmpty() {
        payments = payments();
        InvoiceRepository invoices = invoices();
        invoices.add(invoice(1, at(0)));
        invoices.add(invoice(2, at(0)));
    }

    @Test
    void givenARaisedPayment_whenAdded_thenItIsFoundByIdAndAsTheOpenOneOfItsCheckoutRequest() {
        UnmatchedPayment raised = raised("u-1", callback(1, at(10)));

        assertThat(payments.add(raised)).isTrue();

        assertThat(payments.find(id("u-1"))).contains(raised);
        assertThat(payments.findOpen(checkoutRequestId(1))).contains(raised);
        assertThat(payments.find(id("u-2"))).isEmpty();
        assertThat(payments.findOpen(checkoutRequestId(2))).isEmpty();
    }

    @Test
    void givenAPaymentWithoutDetails_whenAdded_thenItIsReadBackAsRaised() {
        var bare = new PaymentResult(checkoutRequestId(1), Optional.empty(), StkResult.of(0), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), at(10));
        var withCents = new PaymentResult(checkoutRequestId(2), Optional.empty(), StkResult.of(0),
                Optional.of(new BigDecimal("99.50")), Optional.of(receipt(2)), Optional.empty(), Optional.empty(),
                at(11));
        payments.add(raised("u-1", bare));
        payments.add(raised("u-2", withCents));

        assertThat(payments.find(id("u-1"))).contains(raised("u-1", bare));
        assertThat(payments.find(id("u-2"))).contains(raised("u-2", withCents));
        assertThat(payments.find(id("u-2")).orElseThrow().amount().orElseThrow().cents()).isEqualTo(9_950);
    }

    @Test
    void givenTheSameMoneyReportedTwice_whenAddedAgain_thenItIsRaisedOnce() {
        payments.add(raised("u-1", callback(1, at(10))));

        assertThat(payments.add(raised("u-2", callback(1, at(20))))).isFalse();
        assertThat(payments.find(id("u-2"))).isEmpty();
        assertThat(payments.add(raised("u-3", success(1, receipt(7), 2_500, at(30)))))
                .as("another receipt under the same CheckoutRequestID").isTrue();
        assertThat(payments.countOpen()).isEqualTo(2);
    }

    @Test
    void givenTheSameMoneyWithoutAReceiptTwice_whenAddedAgain_thenItIsRaisedOnce() {
        var noReceipt = new PaymentResult(checkoutRequestId(1), Optional.empty(), StkResult.of(0),
                Optional.of(new BigDecimal("2500")), Optional.empty(), Optional.empty(), Optional.empty(), at(10));
        payments.add(raised("u-1", noReceipt));

        assertThat(payments.add(raised("u-2", noReceipt))).isFalse();
        assertThat(payments.latest(Optional.empty(), 10)).extracting(UnmatchedPayment::id).containsExactly(id("u-1"));
    }

    @Test
    void givenAC2bPaymentWithoutACheckoutRequest_whenAddedTwice_thenItIsKeptOnceByItsReceiptAndReadBackWhole() {
        UnmatchedPayment till = UnmatchedPayment.raise(id("u-1"), c2b(receipt(5), 700));

        assertThat(payments.add(till)).isTrue();
        assertThat(payments.add(UnmatchedPayment.raise(id("u-2"), c2b(receipt(5), 700))))
                .as("the same TransID told again").isFalse();
        assertThat(payments.add(UnmatchedPayment.raise(id("u-3"), c2b(receipt(6), 700))))
                .as("another TransID").isTrue();

        assertThat(payments.find(id("u-1"))).contains(till);
        assertThat(payments.find(id("u-2"))).isEmpty();
        UnmatchedPayment applied = payments.update(till.appliedTo(invoiceId(1), at(40)));
        assertThat(payments.find(id("u-1"))).contains(applied);
        assertThat(applied.checkoutRequestId()).isEmpty();
    }

    private static C2bPayment c2b(ke.invoiceiq.domain.payment.MpesaReceipt transId, long shillings) {
        return new C2bPayment(transId, C2bPayment.Kind.TILL, Money.ofShillings(shillings), at(5), "600100",
                Optional.empty(), at(6));
    }

    @Test
    void givenAnOpenPayment_whenAppliedToAnInvoice_thenItIsStoredAtTheNextVersionAndNoLongerOpen() {
        UnmatchedPayment raised = raised("u-1", callback(1, at(10)));
        payments.add(raised);

        UnmatchedPayment applied = payments.update(raised.appliedTo(invoiceId(1), at(20)));

        assertThat(applied.version()).isEqualTo(raised.version() + 1);
        assertThat(applied.status()).isEqualTo(Status.APPLIED);
        assertThat(payments.find(id("u-1"))).contains(applied);
        assertThat(payments.findOpen(checkoutRequestId(1))).isEmpty();
        assertThat(payments.countOpen()).isZero();
        assertThat(payments.add(raised("u-2", callback(1, at(30))))).as("still the same money").isFalse();
    }

    @Test
    void givenAStaleRead_whenUpdated_thenItIsAConcurrentUpdateAndTheStoredStateStays() {
        UnmatchedPayment raised = raised("u-1", callback(1, at(10)));
        payments.add(raised);
        UnmatchedPayment winner = payments.update(raised.appliedTo(invoiceId(1), at(20)));

        assertThatThrownBy(() -> payments.update(raised.appliedTo(invoiceId(2), at(21))))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(payments.find(id("u-1"))).contains(winner);
    }

    @Test
    void givenAPaymentNeverAdded_whenUpdated_thenItIsRefused() {
        assertThatThrownBy(() -> payments.update(raised("u-1", callback(1, at(10))).appliedTo(invoiceId(1), at(20))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(payments.find(id("u-1"))).isEmpty();
    }

    @Test
    void givenTwoOperatorsApplyingOneReadAtOnce_whenBothUpdate_thenExactlyOneWins() throws InterruptedException {
        UnmatchedPayment raised = raised("u-1", callback(1, at(10)));
        payments.add(raised);

        var results = Concurrently.run(2, i -> {
            try {
                return Optional.of(payments.update(raised.appliedTo(invoiceId(1 + i), at(20 + i))));
            } catch (ConcurrentUpdateException lost) {
                return Optional.<UnmatchedPayment>empty();
            }
        });

        var winners = results.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        assertThat(payments.find(id("u-1"))).contains(winners.getFirst());
    }

    @Test
    void givenPaymentsInBothStates_whenTheLatestAreListed_thenNewestFirstFilteredAndLimited() {
        payments.add(raised("u-1", callback(1, at(10))));
        payments.add(raised("u-2", callback(2, at(30))));
        payments.add(raised("u-3", callback(3, at(20))));
        payments.add(raised("u-4", callback(4, at(30))));
        payments.update(payments.find(id("u-3")).orElseThrow().appliedTo(invoiceId(1), at(40)));

        assertThat(payments.latest(Optional.empty(), 10)).extracting(UnmatchedPayment::id)
                .containsExactly(id("u-4"), id("u-2"), id("u-3"), id("u-1"));
        assertThat(payments.latest(Optional.empty(), 2)).extracting(UnmatchedPayment::id)
                .containsExactly(id("u-4"), id("u-2"));
        assertThat(payments.latest(Optional.of(Status.OPEN), 10)).extracting(UnmatchedPayment::id)
                .containsExactly(id("u-4"), id("u-2"), id("u-1"));
        assertThat(payments.latest(Optional.of(Status.APPLIED), 10)).extracting(UnmatchedPayment::id)
                .containsExactly(id("u-3"));
        assertThat(payments.latest(Optional.empty(), 0)).isEmpty();
        assertThatThrownBy(() -> payments.latest(Optional.empty(), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(payments.countOpen()).isEqualTo(3);
    }

    private static UnmatchedPayment raised(String id, PaymentResult result) {
        return UnmatchedPayment.raise(id(id), result);
    }

    private static UnmatchedPaymentId id(String value) {
        return new UnmatchedPaymentId(value);
    }
}
