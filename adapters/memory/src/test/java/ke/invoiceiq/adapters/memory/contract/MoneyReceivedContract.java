package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.checkoutRequestId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoice;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoiceId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.merchantRequestId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.msisdn;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.named;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.paymentId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.receipt;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.requested;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.settled;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.export.ExportRange;
import ke.invoiceiq.domain.export.MoneyIn;
import ke.invoiceiq.domain.export.MoneyInCursor;
import ke.invoiceiq.domain.export.MoneyReceived;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceOutcome;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.PaidOutside;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.StkResult;
import ke.invoiceiq.domain.payment.UnmatchedPayment;
import ke.invoiceiq.domain.payment.UnmatchedPaymentId;
import ke.invoiceiq.domain.payment.UnmatchedPayments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MoneyReceived} must do: one row per money received in the range, by when it was received (not
 * when its invoice was created), oldest first, the successful M-PESA payments, the money recorded outside M-PESA and
 * the M-PESA money still unmatched, and nothing else; paged without a repeat or a gap, also between rows received at
 * the same instant.
 */
public abstract class MoneyReceivedContract {

    /** The port over an empty store; called once before each test, before {@link #invoices()}. */
    protected abstract MoneyReceived moneyReceived();

    /** Where the invoices, and their payments, are that {@link #moneyReceived()} reads. */
    protected abstract InvoiceRepository invoices();

    /** Where the unmatched payments are that {@link #moneyReceived()} reads. */
    protected abstract UnmatchedPayments unmatched();

    private static final ExportRange RANGE = new ExportRange(at(100), at(1_000));

    private MoneyReceived money;
    private InvoiceRepository invoices;
    private UnmatchedPayments unmatched;

    @BeforeEach
    void startEmpty() {
        money = moneyReceived();
        invoices = invoices();
        unmatched = unmatched();
    }

    @Test
    void givenMoneyOfEveryKind_whenReadFromTheStart_thenOneRowEachInTheRangeOldestFirst() {
        storeEveryKind();

        assertThat(money.page(RANGE, Optional.empty(), 100)).containsExactly(
                MoneyIn.unmatched("u-1", at(100), Optional.of(Money.ofShillings(300)), Optional.of(receipt(11)),
                        Optional.of(msisdn(11))),
                MoneyIn.mpesa("pay-1", at(200), invoiceId(1), Money.ofShillings(1_000), Optional.of(receipt(1)),
                        msisdn(1)),
                MoneyIn.outside(invoiceId(1), 1, new PaidOutside(PaidOutside.Method.CASH, Money.ofShillings(500),
                        "Paid at the shop", at(300))),
                MoneyIn.outside(invoiceId(1), 2, new PaidOutside(PaidOutside.Method.BANK_TRANSFER,
                        Money.ofShillings(1_000), "Equity ref 88231", at(350))),
                MoneyIn.mpesa("pay-2", at(400), invoiceId(2), Money.ofShillings(2_500), Optional.of(receipt(2)),
                        msisdn(2)),
                MoneyIn.unmatched("u-2", at(500), Optional.empty(), Optional.empty(), Optional.empty()),
                MoneyIn.unmatched("u-3", at(600), Optional.of(Money.ofShillings(10)), Optional.of(receipt(13)),
                        Optional.empty()),
                MoneyIn.unmatched("u-4", at(600), Optional.of(Money.ofShillings(10)), Optional.of(receipt(14)),
                        Optional.empty()));
    }

    @Test
    void givenMoreThanAPage_whenEachPageStartsAfterTheLast_thenEveryRowComesOnceInOrder() {
        storeEveryKind();
        List<MoneyIn> whole = money.page(RANGE, Optional.empty(), 100);

        var paged = new ArrayList<MoneyIn>();
        Optional<MoneyInCursor> after = Optional.empty();
        List<MoneyIn> page;
        do {
            page = money.page(RANGE, after, 2);
            paged.addAll(page);
            after = page.isEmpty() ? after : Optional.of(MoneyInCursor.after(page.getLast()));
        } while (page.size() == 2);

        assertThat(whole).hasSize(8);
        assertThat(paged).containsExactlyElementsOf(whole);
    }

    @Test
    void givenANarrowerRange_whenRead_thenTheStartIsIncludedAndTheEndExcluded() {
        storeEveryKind();

        assertThat(money.page(new ExportRange(at(200), at(400)), Optional.empty(), 100))
                .extracting(MoneyIn::key)
                .containsExactly("M:pay-1", "O:" + invoiceId(1).value() + ":1", "O:" + invoiceId(1).value() + ":2");
    }

    @Test
    void givenNoMoney_whenRead_thenEmptyAndALimitOfZeroReadsNothing() {
        assertThat(money.page(RANGE, Optional.empty(), 10)).isEmpty();
        storeEveryKind();

        assertThat(money.page(RANGE, Optional.empty(), 0)).isEmpty();
        assertThatThrownBy(() -> money.page(RANGE, Optional.empty(), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Invoice 1 (created before the range) is part-paid by M-PESA at 200 (its transaction time; recorded at 205)
     * and the rest recorded outside M-PESA in two sums, cash at 300 and a transfer at 350; invoice 2 is paid at 400, a success a query told of, with no
     * transaction time; invoice 3 was paid before the range (50), invoice 4 at its end (1000), invoice 5's attempt
     * failed. Unmatched: u-1 at 100 (the start), u-2 at 500 with neither amount nor time, u-3 and u-4 at the same
     * instant, u-5 applied to invoice 3 (it is that invoice's money now, or never was).
     */
    private void storeEveryKind() {
        Invoice one = paid(invoice(1, at(0)), 1, 1_000, Optional.of(at(200)), at(205));
        one = ((InvoiceOutcome.Applied) one.markPaidOutside(PaidOutside.Method.CASH,
                Optional.of(Money.ofShillings(500)), "Paid at the shop", at(300))).invoice();
        one = ((InvoiceOutcome.Applied) one.markPaidOutside(PaidOutside.Method.BANK_TRANSFER, "Equity ref 88231",
                at(350))).invoice();
        store(invoices, one);
        store(invoices, paid(invoice(2, at(0)), 2, 2_500, Optional.empty(), at(400)));
        store(invoices, paid(invoice(3, at(0)), 3, 2_500, Optional.of(at(50)), at(50)));
        store(invoices, paid(invoice(4, at(0)), 4, 2_500, Optional.of(at(1_000)), at(1_000)));
        Invoice five = named(requested(invoice(5, at(0)), 5, at(150)), 5, at(150));
        store(invoices, settled(five, 5, Fixtures.failure(5, 1032, at(160)), at(160)));

        raise("u-1", 11, Optional.of(new BigDecimal("300")), Optional.of(at(100)), at(110));
        raise("u-2", 12, Optional.empty(), Optional.empty(), at(500));
        raise("u-3", 13, Optional.of(BigDecimal.TEN), Optional.of(at(600)), at(600));
        raise("u-4", 14, Optional.of(BigDecimal.TEN), Optional.of(at(600)), at(600));
        UnmatchedPayment applied = raise("u-5", 15, Optional.of(BigDecimal.TEN), Optional.of(at(700)), at(700));
        unmatched.update(applied.appliedTo(invoiceId(3), at(800)));
    }

    /** Attempt n of {@code invoice} is named and succeeds with {@code shillings}, receipt n, recorded at {@code at}. */
    private static Invoice paid(Invoice invoice, int n, long shillings, Optional<Instant> transactionTime,
            Instant at) {
        Invoice asked = named(requested(invoice, n, at), n, at);
        var result = new PaymentResult(checkoutRequestId(n), Optional.of(merchantRequestId(n)), StkResult.of(0),
                Optional.of(new BigDecimal(shillings)), Optional.of(receipt(n)), transactionTime,
                Optional.of(msisdn(n)), at);
        return settled(asked, n, result, at);
    }

    /** Money under CheckoutRequestID n that no attempt of these invoices was named with; receipt n when an amount. */
    private UnmatchedPayment raise(String id, int n, Optional<BigDecimal> amount, Optional<Instant> transactionTime,
            Instant receivedAt) {
        var result = new PaymentResult(checkoutRequestId(n), Optional.empty(), StkResult.of(0), amount,
                amount.map(a -> receipt(n)), transactionTime, n == 11 ? Optional.of(msisdn(n)) : Optional.empty(),
                receivedAt);
        UnmatchedPayment raised = UnmatchedPayment.raise(new UnmatchedPaymentId(id), result);
        unmatched.add(raised);
        return raised;
    }
}
