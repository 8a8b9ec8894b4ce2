package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.checkoutRequestId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.failure;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoice;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoiceId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.key;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.merchantRequestId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.msisdn;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.named;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.paidBy;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.paymentId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.receipt;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.requested;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.sent;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.PaymentRepository.AttemptRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PaymentRepository} must do. It only reads: the attempts are written with their invoice
 * ({@link InvoiceRepository#update}), and an attempt is found here as soon as its invoice is stored, never before.
 * The reconciler's claim takes attempts in flight created strictly before the cutoff whose lease is absent or has
 * ended (at or before {@code now}), looked at least recently first (the last query, else the creation; then the
 * id); a lease is no part of the invoice, so storing the invoice keeps it.
 */
public abstract class PaymentRepositoryContract {

    /** An empty repository; called once before each test, before {@link #invoices()}. */
    protected abstract PaymentRepository repository();

    /** Where the invoices that hold the attempts are stored: the repository reads the attempts from there. */
    protected abstract InvoiceRepository invoices();

    private PaymentRepository repo;
    private InvoiceRepository invoices;

    @BeforeEach
    void startEmpty() {
        repo = repository();
        invoices = invoices();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Finders
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void givenAPaidAttemptStoredWithItsInvoice_whenLookedUp_thenItIsFoundByEveryNameItHas() {
        Invoice stored = update(paidBy(requested(sentInvoice(1), 1, at(10)), 1, 2_500, at(20)));
        Payment paid = stored.payment(paymentId(1)).orElseThrow();

        assertThat(repo.find(paymentId(1))).contains(paid);
        assertThat(repo.findByCheckoutRequestId(checkoutRequestId(1))).contains(paid);
        assertThat(repo.findByMerchantRequestId(merchantRequestId(1))).contains(paid);
        assertThat(repo.findByIdempotencyKey(key(1))).contains(paid);
        assertThat(repo.findByReceipt(receipt(1))).contains(paid);
        assertThat(repo.findByInvoice(invoiceId(1))).containsExactly(paid);
    }

    @Test
    void givenNoSuchAttempt_whenLookedUp_thenNothingIsFound() {
        update(named(requested(sentInvoice(1), 1, at(10)), 1, at(11)));

        assertThat(repo.find(new PaymentId("pay-unknown"))).isEmpty();
        assertThat(repo.findByCheckoutRequestId(checkoutRequestId(2))).isEmpty();
        assertThat(repo.findByMerchantRequestId(new MerchantRequestId("29115-0-0"))).isEmpty();
        assertThat(repo.findByIdempotencyKey(new IdempotencyKey("key-unknown"))).isEmpty();
        assertThat(repo.findByReceipt(receipt(1))).as("in flight: no receipt yet").isEmpty();
        assertThat(repo.findByReceipt(new MpesaReceipt("XXXXXXXXXX"))).isEmpty();
        assertThat(repo.findByInvoice(invoiceId(9))).isEmpty();
    }

    @Test
    void givenAnAttemptNotStoredYet_whenLookedUp_thenItIsNotFound() {
        Invoice sent = sentInvoice(1);
        Invoice notStored = requested(sent, 1, at(10));

        assertThat(notStored.payments()).hasSize(1);
        assertThat(repo.find(paymentId(1))).isEmpty();
        assertThat(repo.findByIdempotencyKey(key(1))).isEmpty();
        assertThat(repo.findByInvoice(invoiceId(1))).isEmpty();
    }

    @Test
    void givenAnAttemptChangedWithItsInvoice_whenLookedUp_thenItsLatestStateIsFound() {
        Invoice started = update(requested(sentInvoice(1), 1, at(10)));
        assertThat(repo.find(paymentId(1)).orElseThrow().isNamed()).isFalse();

        Invoice queried = update(named(started, 1, at(11)).queried(paymentId(1), at(70)));

        Payment latest = queried.payment(paymentId(1)).orElseThrow();
        assertThat(repo.find(paymentId(1))).contains(latest);
        assertThat(latest.queries()).isEqualTo(1);
        assertThat(latest.lastQueriedAt()).contains(at(70));
        assertThat(repo.findByCheckoutRequestId(checkoutRequestId(1))).contains(latest);
    }

    @Test
    void givenSeveralAttemptsOfAnInvoice_whenListed_thenOldestFirstAndOnlyItsOwn() {
        Invoice one = sentInvoice(1);
        one = settled(named(requested(one, 1, at(10)), 1, at(11)), 1, failure(1, 1, at(20)), at(20));
        one = settled(named(requested(one, 2, at(30)), 2, at(31)), 2, failure(2, 1, at(40)), at(40));
        update(requested(one, 3, at(50)));
        update(requested(sentInvoice(2), 4, at(5)));

        assertThat(repo.findByInvoice(invoiceId(1))).extracting(Payment::id)
                .containsExactly(paymentId(1), paymentId(2), paymentId(3));
        assertThat(repo.findByInvoice(invoiceId(2))).extracting(Payment::id).containsExactly(paymentId(4));
    }

    @Test
    void givenAttemptsOfOnePayer_whenUnnamedOnesAreLookedFor_thenOnlyThoseWithoutCheckoutRequestIdInTheRange() {
        Msisdn payer = msisdn(1);
        update(requested(sentInvoice(1, payer), 1, at(10)));
        update(requested(sentInvoice(2, payer), 2, at(30)).giveUp(paymentId(2), at(31)).invoice());
        update(named(requested(sentInvoice(3, payer), 3, at(20)), 3, at(21)));
        update(requested(sentInvoice(4, msisdn(4)), 4, at(15)));
        update(requested(sentInvoice(5, payer), 5, at(9)));
        update(requested(sentInvoice(6, payer), 6, at(31)));

        assertThat(repo.findUnnamed(payer, at(10), at(30))).extracting(Payment::id)
                .containsExactly(paymentId(1), paymentId(2));
        assertThat(repo.findUnnamed(payer, at(11), at(29))).isEmpty();
        assertThat(repo.findUnnamed(msisdn(4), at(0), at(100))).extracting(Payment::id)
                .containsExactly(paymentId(4));
        assertThat(repo.findUnnamed(msisdn(7), at(0), at(100))).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The reconciler's claim
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void givenAttemptsInEveryState_whenClaimed_thenOnlyThoseInFlightCreatedBeforeTheCutoff() {
        update(requested(sentInvoice(1), 1, at(10)));
        update(settled(named(requested(sentInvoice(2), 2, at(5)), 2, at(6)), 2, failure(2, 1, at(7)), at(7)));
        update(paidBy(requested(sentInvoice(3), 3, at(5)), 3, 2_500, at(8)));
        update(requested(sentInvoice(4), 4, at(5)).giveUp(paymentId(4), at(9)).invoice());
        update(requested(sentInvoice(5), 5, at(30)));

        assertThat(repo.claimInFlight(at(30), at(100), at(130), 10))
                .containsExactly(new AttemptRef(invoiceId(1), paymentId(1)));
    }

    @Test
    void givenAClaimedAttempt_whenClaimedAgainBeforeItsLeaseEnds_thenItIsNotHandedOutTwice() {
        update(requested(sentInvoice(1), 1, at(10)));
        update(requested(sentInvoice(2), 2, at(20)));

        assertThat(repo.claimInFlight(at(60), at(100), at(130), 10)).extracting(AttemptRef::paymentId)
                .containsExactly(paymentId(1), paymentId(2));
        assertThat(repo.claimInFlight(at(60), at(100), at(130), 10)).isEmpty();
        assertThat(repo.claimInFlight(at(60), at(129), at(159), 10)).isEmpty();
        assertThat(repo.claimInFlight(at(60), at(130), at(160), 10)).as("the lease ended")
                .extracting(AttemptRef::paymentId).containsExactly(paymentId(1), paymentId(2));
        assertThat(repo.claimInFlight(at(60), at(159), at(189), 10)).isEmpty();
    }

    @Test
    void givenAClaimedAttempt_whenReleased_thenItCanBeClaimedAgainAtOnce() {
        update(requested(sentInvoice(1), 1, at(10)));
        update(requested(sentInvoice(2), 2, at(20)));
        repo.claimInFlight(at(60), at(100), at(130), 10);

        repo.release(paymentId(2));
        repo.release(new PaymentId("pay-never-claimed"));

        assertThat(repo.claimInFlight(at(60), at(101), at(131), 10)).extracting(AttemptRef::paymentId)
                .containsExactly(paymentId(2));
    }

    @Test
    void givenAClaimedAttempt_whenItsInvoiceIsStoredMeanwhile_thenTheLeaseHolds() {
        Invoice started = update(named(requested(sentInvoice(1), 1, at(10)), 1, at(11)));
        repo.claimInFlight(at(60), at(100), at(130), 10);

        update(started.queried(paymentId(1), at(101)));

        assertThat(repo.claimInFlight(at(60), at(102), at(132), 10)).isEmpty();
        assertThat(repo.claimInFlight(at(60), at(130), at(160), 10)).extracting(AttemptRef::paymentId)
                .containsExactly(paymentId(1));
    }

    @Test
    void givenAttemptsLookedAtAtDifferentTimes_whenClaimed_thenTheLeastRecentlyLookedAtComeFirst() {
        update(named(requested(sentInvoice(1), 1, at(10)), 1, at(11)).queried(paymentId(1), at(50)));
        update(requested(sentInvoice(2), 4, at(20)));
        update(requested(sentInvoice(3), 3, at(30)));
        update(requested(sentInvoice(4), 2, at(20)));

        assertThat(repo.claimInFlight(at(60), at(100), at(130), 10)).extracting(AttemptRef::paymentId)
                .containsExactly(paymentId(2), paymentId(4), paymentId(3), paymentId(1));
    }

    @Test
    void givenMoreAttemptsThanTheLimit_whenClaimed_thenEachClaimTakesAtMostTheLimit() {
        for (int n = 1; n <= 5; n++) {
            update(requested(sentInvoice(n), n, at(n)));
        }

        assertThat(repo.claimInFlight(at(60), at(100), at(130), 0)).isEmpty();
        assertThatThrownBy(() -> repo.claimInFlight(at(60), at(100), at(130), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(repo.claimInFlight(at(60), at(100), at(130), 2)).extracting(AttemptRef::paymentId)
                .containsExactly(paymentId(1), paymentId(2));
        assertThat(repo.claimInFlight(at(60), at(100), at(130), 2)).extracting(AttemptRef::paymentId)
                .containsExactly(paymentId(3), paymentId(4));
        assertThat(repo.claimInFlight(at(60), at(100), at(130), 2)).extracting(AttemptRef::paymentId)
                .containsExactly(paymentId(5));
    }

    @Test
    void givenManyReconcilersClaimingAtOnce_whenTheyClaimUntilNothingIsLeft_thenEachAttemptGoesToExactlyOne()
            throws InterruptedException {
        int attempts = 12;
        for (int n = 1; n <= attempts; n++) {
            update(requested(sentInvoice(n), n, at(n % 5)));
        }
        Instant now = at(100);

        List<List<PaymentId>> claims = Concurrently.run(4, i -> {
            var mine = new ArrayList<PaymentId>();
            List<AttemptRef> batch;
            // bounded, so that a claim handing out leased attempts again fails the test instead of spinning
            for (int round = 0; round < attempts
                    && !(batch = repo.claimInFlight(at(60), now, now.plusSeconds(30), 2)).isEmpty(); round++) {
                batch.forEach(ref -> mine.add(ref.paymentId()));
            }
            return mine;
        });

        var all = claims.stream().flatMap(List::stream).toList();
        assertThat(all).doesNotHaveDuplicates().hasSize(attempts);
    }

    private Invoice sentInvoice(int n) {
        return sentInvoice(n, msisdn(n));
    }

    /** Invoice n, stored and sent to {@code customer}: as read by a use case that is about to change it. */
    private Invoice sentInvoice(int n, Msisdn customer) {
        Invoice issued = invoice(n, customer, at(0));
        invoices.add(issued);
        return invoices.update(sent(issued, at(1)));
    }

    private Invoice update(Invoice invoice) {
        return invoices.update(invoice);
    }
}
