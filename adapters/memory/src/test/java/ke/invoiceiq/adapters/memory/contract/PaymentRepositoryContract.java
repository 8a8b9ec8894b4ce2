package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.checkoutRequestId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoice;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoiceId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.PaymentRepository.AddResult;
import ke.invoiceiq.domain.payment.StkResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PaymentRepository} must do. When an attempt both repeats a key and meets another in
 * flight, the answer is DUPLICATE_KEY: the caller is repeating itself and should get its first attempt back.
 */
public abstract class PaymentRepositoryContract {

    /** An empty repository; called once before each test, before {@link #invoices()}. */
    protected abstract PaymentRepository repository();

    /** Where the invoices the payments belong to are added (a database checks the reference). */
    protected abstract InvoiceRepository invoices();

    private PaymentRepository repo;
    private InvoiceRepository invoices;

    @BeforeEach
    void startEmpty() {
        repo = repository();
        invoices = invoices();
        for (int n = 1; n <= 3; n++) {
            invoices.add(invoice(n, at(0)));
        }
    }

    @Test
    void addsAnAttemptAndFindsItEveryWay() {
        Payment payment = payment(1, invoiceId(1), at(10));

        assertThat(repo.addIfNoneInFlight(payment)).isEqualTo(AddResult.ADDED);

        assertThat(repo.find(payment.id())).contains(payment);
        assertThat(repo.findByIdempotencyKey(payment.idempotencyKey())).contains(payment);
        assertThat(repo.findByInvoice(invoiceId(1))).containsExactly(payment);
        assertThat(repo.findByInvoice(invoiceId(2))).isEmpty();
        assertThat(repo.find(new PaymentId("pay-unknown"))).isEmpty();
        assertThat(repo.findByIdempotencyKey(new IdempotencyKey("key-unknown"))).isEmpty();
    }

    @Test
    void refusesASecondAttemptWhileOneIsInFlight() {
        repo.addIfNoneInFlight(payment(1, invoiceId(1), at(10)));

        assertThat(repo.addIfNoneInFlight(payment(2, invoiceId(1), at(11)))).isEqualTo(AddResult.ANOTHER_IN_FLIGHT);

        assertThat(repo.find(new PaymentId("pay-2"))).isEmpty();
        assertThat(repo.addIfNoneInFlight(payment(3, invoiceId(2), at(12)))).isEqualTo(AddResult.ADDED);
    }

    @Test
    void refusesARepeatedIdempotencyKeyEvenForAnotherInvoice() {
        var key = new IdempotencyKey("tap-1");
        repo.addIfNoneInFlight(payment(1, invoiceId(1), key, at(10)));

        assertThat(repo.addIfNoneInFlight(payment(2, invoiceId(2), key, at(11)))).isEqualTo(AddResult.DUPLICATE_KEY);
        assertThat(repo.findByInvoice(invoiceId(2))).isEmpty();
    }

    @Test
    void answersDuplicateKeyWhenTheRepeatedAttemptIsStillInFlight() {
        var key = new IdempotencyKey("tap-1");
        repo.addIfNoneInFlight(payment(1, invoiceId(1), key, at(10)));

        assertThat(repo.addIfNoneInFlight(payment(2, invoiceId(1), key, at(11)))).isEqualTo(AddResult.DUPLICATE_KEY);
    }

    @Test
    void refusesAnOldKeyAfterItsAttemptEnded() {
        var key = new IdempotencyKey("tap-1");
        Payment first = payment(1, invoiceId(1), key, at(10));
        repo.addIfNoneInFlight(first);
        repo.update(first.failed(StkResult.of(1032), at(20)));

        assertThat(repo.addIfNoneInFlight(payment(2, invoiceId(1), key, at(30)))).isEqualTo(AddResult.DUPLICATE_KEY);
    }

    @Test
    void allowsANewAttemptOnceTheLastOneEnded() {
        Payment first = payment(1, invoiceId(1), at(10));
        repo.addIfNoneInFlight(first);
        repo.update(first.failed(StkResult.of(1032), at(20)));

        Payment second = payment(2, invoiceId(1), at(30));
        assertThat(repo.addIfNoneInFlight(second)).isEqualTo(AddResult.ADDED);

        repo.update(second.expired(at(40)));
        assertThat(repo.addIfNoneInFlight(payment(3, invoiceId(1), at(50)))).isEqualTo(AddResult.ADDED);
        assertThat(repo.findByInvoice(invoiceId(1))).extracting(Payment::id)
                .containsExactly(new PaymentId("pay-1"), new PaymentId("pay-2"), new PaymentId("pay-3"));
    }

    @Test
    void storesUpdatesAndFindsThemByCheckoutRequestId() {
        Payment initiated = payment(1, invoiceId(1), at(10));
        repo.addIfNoneInFlight(initiated);

        Payment accepted = initiated.accepted(new MerchantRequestId("29115-34620561-1"), checkoutRequestId(1), at(11));
        repo.update(accepted);
        assertThat(repo.findByCheckoutRequestId(checkoutRequestId(1))).contains(accepted);
        assertThat(repo.findByCheckoutRequestId(checkoutRequestId(2))).isEmpty();

        Payment succeeded = accepted.succeeded(new StkResult(0, "The service request is processed successfully."),
                Optional.of(new MpesaReceipt("NLJ7RT61SV")), Optional.of(Instant.parse("2026-03-02T06:00:31Z")),
                at(40));
        repo.update(succeeded);
        assertThat(repo.find(initiated.id())).contains(succeeded);
        assertThat(repo.findByCheckoutRequestId(checkoutRequestId(1))).contains(succeeded);
    }

    @Test
    void keepsTheQueriesMadeAboutAnAttempt() {
        Payment initiated = payment(1, invoiceId(1), at(10));
        repo.addIfNoneInFlight(initiated);
        assertThat(repo.find(initiated.id())).hasValueSatisfying(p -> {
            assertThat(p.queries()).isZero();
            assertThat(p.lastQueriedAt()).isEmpty();
        });

        Payment queried = initiated.accepted(new MerchantRequestId("29115-34620561-1"), checkoutRequestId(1), at(11))
                .queried(at(70)).queried(at(130));
        repo.update(queried);
        assertThat(repo.find(initiated.id())).contains(queried);
        assertThat(repo.find(initiated.id()).orElseThrow().queries()).isEqualTo(2);
        assertThat(repo.find(initiated.id()).orElseThrow().lastQueriedAt()).contains(at(130));
        assertThat(repo.findInitiatedBefore(at(60), 10)).containsExactly(queried);

        Payment expired = queried.expired(at(310));
        repo.update(expired);
        assertThat(repo.findByCheckoutRequestId(checkoutRequestId(1))).contains(expired);
    }

    @Test
    void listsAttemptsInFlightSinceBeforeTheCutoffOldestFirst() {
        Payment old = payment(1, invoiceId(1), at(10));
        Payment older = payment(2, invoiceId(2), at(5));
        Payment ended = payment(3, invoiceId(3), at(1));
        repo.addIfNoneInFlight(old);
        repo.addIfNoneInFlight(older);
        repo.addIfNoneInFlight(ended);
        repo.update(ended.failed(StkResult.of(1), at(2)));
        Payment recent = payment(4, invoiceId(3), at(60));
        repo.addIfNoneInFlight(recent);

        assertThat(repo.findInitiatedBefore(at(60), 10)).containsExactly(older, old);
        assertThat(repo.findInitiatedBefore(at(61), 10)).containsExactly(older, old, recent);
        assertThat(repo.findInitiatedBefore(at(61), 1)).containsExactly(older);
        assertThat(repo.findInitiatedBefore(at(5), 10)).isEmpty();
    }

    @Test
    void letsExactlyOneOfManyConcurrentTapsStartAnAttempt() throws InterruptedException {
        var results = Concurrently.run(20, i -> repo.addIfNoneInFlight(payment(100 + i, invoiceId(1), at(10))));

        assertThat(results).filteredOn(r -> r == AddResult.ADDED).hasSize(1);
        assertThat(results).filteredOn(r -> r == AddResult.ANOTHER_IN_FLIGHT).hasSize(19);
        assertThat(repo.findByInvoice(invoiceId(1))).hasSize(1);
    }

    @Test
    void letsExactlyOneOfManyConcurrentRepeatsOfOneKeyThrough() throws InterruptedException {
        var key = new IdempotencyKey("tap-1");
        InvoiceId[] targets = {invoiceId(1), invoiceId(2), invoiceId(3)};

        var results = Concurrently.run(20, i -> repo.addIfNoneInFlight(payment(100 + i, targets[i % 3], key, at(10))));

        assertThat(results).filteredOn(r -> r == AddResult.ADDED).hasSize(1);
        assertThat(results).filteredOn(r -> r == AddResult.DUPLICATE_KEY).hasSize(19);
    }
}
