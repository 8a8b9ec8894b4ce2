package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.checkoutRequestId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.failure;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoice;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoiceId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.merchantRequestId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.named;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.paid;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.paidBy;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.payToken;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.paymentId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.receipt;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.requested;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.sent;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.settled;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.store;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceCursor;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.ReminderPolicy;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentStatus;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link InvoiceRepository} must do. An invoice is stored whole with its payment attempts, under one
 * version: new attempts come in with an update, never with the add. What a database keeps unique across all
 * invoices is refused across invoices: an attempt's id, CheckoutRequestID and receipt ({@link
 * IllegalStateException}), and its idempotency key ({@link ConcurrentUpdateException}: two invoices raced for one
 * key, and the loser's unit of work is retried). Attempts are never removed, and what an attempt asked (payer,
 * amount, key, creation time) never changes.
 */
public abstract class InvoiceRepositoryContract {

    /** An empty repository; called once before each test. */
    protected abstract InvoiceRepository repository();

    private InvoiceRepository repo;

    @BeforeEach
    void startEmpty() {
        repo = repository();
    }

    @Test
    void findsAnAddedInvoiceByIdAndByPayToken() {
        Invoice invoice = invoice(1, at(0));

        repo.add(invoice);

        assertThat(repo.find(invoice.id())).contains(invoice);
        assertThat(repo.findByPayToken(invoice.payToken())).contains(invoice);
        assertThat(repo.exists(invoice.id())).isTrue();
    }

    @Test
    void givenAnInvoiceMarkedPaidOutsideMpesa_whenUpdated_thenItIsFoundWithHowWhenHowMuchAndTheNote() {
        Invoice invoice = invoice(1, at(0));
        repo.add(invoice);
        Invoice paid = ((ke.invoiceiq.domain.invoice.InvoiceOutcome.Applied) repo.find(invoice.id()).orElseThrow()
                .markPaidOutside(ke.invoiceiq.domain.invoice.PaidOutside.Method.BANK_TRANSFER,
                        "Équité transfer, ref 88231", at(10))).invoice();

        Invoice stored = repo.update(paid);

        assertThat(repo.find(invoice.id())).contains(stored);
        assertThat(stored.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(stored.paidOutside().getFirst().amount()).isEqualTo(Money.of(invoice.amount()));
        assertThat(repo.find(invoice.id()).orElseThrow().paidOutside()).isEqualTo(paid.paidOutside());
    }

    @Test
    void givenAnInvoiceDueOnADayAndWrittenInSwahili_whenAddedAndUpdated_thenBothAreKept() {
        Invoice issued = Invoice.issue(invoiceId(1), Customer.of(Fixtures.msisdn(1)), Amount.ofShillings(2500),
                new Description("Cleaning"), payToken(1), at(0),
                java.util.Optional.of(java.time.LocalDate.of(2026, 12, 31)), ke.invoiceiq.domain.copy.Language.SW);

        repo.add(issued);
        Invoice sent = ((ke.invoiceiq.domain.invoice.InvoiceOutcome.Applied) repo.find(issued.id()).orElseThrow()
                .sendAccepted(Channel.WHATSAPP, at(1))).invoice();
        Invoice stored = repo.update(sent);

        Invoice found = repo.find(issued.id()).orElseThrow();
        assertThat(found).isEqualTo(stored);
        assertThat(found.dueDate()).contains(java.time.LocalDate.of(2026, 12, 31));
        assertThat(found.language()).isEqualTo(ke.invoiceiq.domain.copy.Language.SW);
        assertThat(repo.find(invoiceId(1)).orElseThrow().status()).isEqualTo(InvoiceStatus.SENT);
    }

    @Test
    void givenSeveralSumsRecordedOutsideMpesa_whenEachIsStored_thenAllAreFoundInOrderAndTheInvoiceIsPaidAtTheEnd() {
        Invoice invoice = invoice(1, at(0));
        repo.add(invoice);
        var cash = ke.invoiceiq.domain.invoice.PaidOutside.Method.CASH;
        var bank = ke.invoiceiq.domain.invoice.PaidOutside.Method.BANK_TRANSFER;
        Money part = Money.ofShillings(1);
        Invoice first = repo.update(((ke.invoiceiq.domain.invoice.InvoiceOutcome.Applied) repo.find(invoice.id())
                .orElseThrow().markPaidOutside(cash, Optional.of(part), "Cash at the shop", at(10))).invoice());
        Invoice second = repo.update(((ke.invoiceiq.domain.invoice.InvoiceOutcome.Applied) first
                .markPaidOutside(bank, "Equity ref 88231", at(20))).invoice());

        assertThat(first.status()).isNotEqualTo(InvoiceStatus.PAID);
        assertThat(repo.find(invoice.id())).contains(second);
        assertThat(second.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(second.paidOutside()).extracting(ke.invoiceiq.domain.invoice.PaidOutside::method)
                .containsExactly(cash, bank);
        assertThat(second.paidOutsideTotal()).isEqualTo(Money.of(invoice.amount()));
        assertThat(repo.latest(Optional.empty(), Optional.empty(), 10)).contains(second);
    }

    @Test
    void findsNothingForUnknownIdsAndTokens() {
        repo.add(invoice(1, at(0)));

        assertThat(repo.find(invoiceId(2))).isEmpty();
        assertThat(repo.findByPayToken(payToken(2))).isEmpty();
        assertThat(repo.exists(invoiceId(2))).isFalse();
    }

    @Test
    void refusesASecondInvoiceWithTheSameId() {
        repo.add(invoice(1, at(0)));
        Invoice sameId = Invoice.issue(invoiceId(1), Customer.of(Fixtures.msisdn(9)), Amount.ofShillings(10),
                new Description("Other work"), payToken(9), at(5));

        assertThatThrownBy(() -> repo.add(sameId)).isInstanceOf(IllegalStateException.class);
        assertThat(repo.findByPayToken(payToken(9))).isEmpty();
    }

    @Test
    void refusesASecondInvoiceWithTheSamePayToken() {
        repo.add(invoice(1, at(0)));
        Invoice sameToken = Invoice.issue(invoiceId(2), Customer.of(Fixtures.msisdn(2)), Amount.ofShillings(10),
                new Description("Other work"), payToken(1), at(5));

        assertThatThrownBy(() -> repo.add(sameToken)).isInstanceOf(IllegalStateException.class);
        assertThat(repo.exists(invoiceId(2))).isFalse();
    }

    @Test
    void updateStoresTheNextStateAtTheNextVersion() {
        Invoice issued = invoice(1, at(0));
        repo.add(issued);

        Invoice stored = repo.update(Fixtures.sent(issued, at(10)));

        assertThat(stored.version()).isEqualTo(issued.version() + 1);
        assertThat(stored.status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(repo.find(issued.id())).contains(stored);
        assertThat(repo.findByPayToken(issued.payToken())).contains(stored);

        Invoice again = repo.update(Fixtures.paid(stored, at(20)));
        assertThat(again.version()).isEqualTo(issued.version() + 2);
        assertThat(repo.find(issued.id())).contains(again);
    }

    @Test
    void refusesAnUpdateOfAStaleRead() {
        Invoice issued = invoice(1, at(0));
        repo.add(issued);
        Invoice winner = repo.update(Fixtures.sent(issued, at(10)));

        assertThatThrownBy(() -> repo.update(Fixtures.cancelled(issued, at(11))))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(repo.find(issued.id())).contains(winner);
    }

    @Test
    void refusesAnUpdateOfAnInvoiceNeverAdded() {
        assertThatThrownBy(() -> repo.update(invoice(1, at(0)))).isInstanceOf(IllegalStateException.class);
        assertThat(repo.exists(invoiceId(1))).isFalse();
    }

    @Test
    void letsExactlyOneOfConcurrentUpdatesOfOneReadWin() throws InterruptedException {
        Invoice issued = invoice(1, at(0));
        repo.add(issued);

        var results = Concurrently.run(20, i -> {
            try {
                return Optional.of(repo.update(issued.sendAccepted(Channel.WHATSAPP, at(i)).invoice()));
            } catch (ConcurrentUpdateException lost) {
                return Optional.<Invoice>empty();
            }
        });

        var winners = results.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        assertThat(repo.find(issued.id())).contains(winners.getFirst());
        assertThat(winners.getFirst().version()).isEqualTo(issued.version() + 1);
    }

    @Test
    void listsTheNewestFirstUpToTheLimit() {
        repo.add(invoice(1, at(0)));
        repo.add(invoice(3, at(20)));
        repo.add(invoice(2, at(10)));
        repo.add(invoice(4, at(20)));

        assertThat(repo.latest(Optional.empty(), 10)).extracting(Invoice::id)
                .containsExactly(invoiceId(4), invoiceId(3), invoiceId(2), invoiceId(1));
        assertThat(repo.latest(Optional.empty(), 2)).extracting(Invoice::id)
                .containsExactly(invoiceId(4), invoiceId(3));
        assertThat(repo.latest(Optional.empty(), 0)).isEmpty();
    }

    @Test
    void listsOnlyTheAskedStatusAsItIsNow() {
        Invoice first = invoice(1, at(0));
        Invoice second = invoice(2, at(10));
        Invoice third = invoice(3, at(20));
        repo.add(first);
        repo.add(second);
        repo.add(third);
        repo.update(Fixtures.sent(first, at(30)));
        repo.update(Fixtures.sent(third, at(31)));

        assertThat(repo.latest(Optional.of(InvoiceStatus.SENT), 10)).extracting(Invoice::id)
                .containsExactly(invoiceId(3), invoiceId(1));
        assertThat(repo.latest(Optional.of(InvoiceStatus.PENDING), 10)).extracting(Invoice::id)
                .containsExactly(invoiceId(2));
        assertThat(repo.latest(Optional.of(InvoiceStatus.PAID), 10)).isEmpty();
    }

    @Test
    void pagesThroughTheNewestFirstOrderWithoutGapsOrRepeats() {
        // ties on created_at are broken by id, descending, across page boundaries too
        int[][] invoices = {{1, 0}, {2, 10}, {3, 10}, {4, 10}, {5, 20}, {6, 30}, {7, 30}, {8, 40}};
        for (int[] spec : invoices) {
            repo.add(invoice(spec[0], at(spec[1])));
        }
        List<InvoiceId> all = repo.latest(Optional.empty(), 100).stream().map(Invoice::id).toList();
        assertThat(all).containsExactly(invoiceId(8), invoiceId(7), invoiceId(6), invoiceId(5), invoiceId(4),
                invoiceId(3), invoiceId(2), invoiceId(1));

        for (int size = 1; size <= 9; size++) {
            assertThat(walk(Optional.empty(), size)).as("pages of %d", size).isEqualTo(all);
        }
    }

    @Test
    void aPageStartsStrictlyAfterTheCursor() {
        repo.add(invoice(1, at(0)));
        repo.add(invoice(2, at(10)));
        repo.add(invoice(3, at(10)));
        repo.add(invoice(4, at(20)));

        assertThat(repo.latest(Optional.empty(), Optional.of(new InvoiceCursor(at(10), invoiceId(3))), 10))
                .extracting(Invoice::id).containsExactly(invoiceId(2), invoiceId(1));
        assertThat(repo.latest(Optional.empty(), Optional.of(new InvoiceCursor(at(10), invoiceId(2))), 10))
                .extracting(Invoice::id).containsExactly(invoiceId(1));
        assertThat(repo.latest(Optional.empty(), Optional.of(new InvoiceCursor(at(20), invoiceId(4))), 1))
                .extracting(Invoice::id).containsExactly(invoiceId(3));
        assertThat(repo.latest(Optional.empty(), Optional.of(new InvoiceCursor(at(0), invoiceId(1))), 10)).isEmpty();
        assertThat(repo.latest(Optional.empty(), Optional.of(new InvoiceCursor(at(10), invoiceId(3))), 0)).isEmpty();
    }

    @Test
    void aCursorIsAPositionNotAnInvoiceThatMustStillMatch() {
        Invoice first = invoice(1, at(0));
        Invoice second = invoice(2, at(10));
        Invoice third = invoice(3, at(20));
        Invoice fourth = invoice(4, at(30));
        repo.add(first);
        repo.add(second);
        repo.add(third);
        repo.add(fourth);
        repo.update(Fixtures.sent(first, at(40)));
        repo.update(Fixtures.sent(fourth, at(41)));

        // the cursor names a PENDING invoice, or one that does not exist at all: the SENT page still continues
        assertThat(repo.latest(Optional.of(InvoiceStatus.SENT), Optional.of(InvoiceCursor.after(third)), 10))
                .extracting(Invoice::id).containsExactly(invoiceId(1));
        assertThat(repo.latest(Optional.of(InvoiceStatus.SENT),
                Optional.of(new InvoiceCursor(at(25), invoiceId(99))), 10))
                .extracting(Invoice::id).containsExactly(invoiceId(1));
        assertThat(repo.latest(Optional.of(InvoiceStatus.PENDING), Optional.of(InvoiceCursor.after(fourth)), 10))
                .extracting(Invoice::id).containsExactly(invoiceId(3), invoiceId(2));
    }

    @Test
    void pagesThroughOneStatusAndIgnoresInvoicesAddedAboveTheCursor() {
        for (int n = 1; n <= 6; n++) {
            Invoice issued = invoice(n, at(n * 10L));
            repo.add(issued);
            if (n % 2 == 0) {
                repo.update(Fixtures.sent(issued, at(100 + n)));
            }
        }
        List<Invoice> firstPage = repo.latest(Optional.of(InvoiceStatus.SENT), Optional.empty(), 2);
        assertThat(firstPage).extracting(Invoice::id).containsExactly(invoiceId(6), invoiceId(4));

        Invoice newer = invoice(7, at(500));
        repo.add(newer);
        repo.update(Fixtures.sent(newer, at(501)));

        assertThat(repo.latest(Optional.of(InvoiceStatus.SENT),
                Optional.of(InvoiceCursor.after(firstPage.getLast())), 2))
                .extracting(Invoice::id).containsExactly(invoiceId(2));
    }

    @Test
    void refusesANegativeLimitWithOrWithoutACursor() {
        assertThatThrownBy(() -> repo.latest(Optional.empty(), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repo.latest(Optional.empty(), Optional.of(new InvoiceCursor(at(0), invoiceId(1))),
                -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<InvoiceId> walk(Optional<InvoiceStatus> status, int size) {
        var seen = new ArrayList<InvoiceId>();
        Optional<InvoiceCursor> cursor = Optional.empty();
        for (int pages = 0; pages < 100; pages++) {
            List<Invoice> page = repo.latest(status, cursor, size);
            assertThat(page.size()).isLessThanOrEqualTo(size);
            if (page.isEmpty()) {
                return seen;
            }
            page.forEach(i -> seen.add(i.id()));
            cursor = Optional.of(InvoiceCursor.after(page.getLast()));
        }
        throw new AssertionError("more than 100 pages");
    }

    @Test
    void keepsEveryFieldOfAnInvoiceThatWentThroughItsLife() {
        Invoice issued = Invoice.issue(invoiceId(1), Customer.of(Fixtures.msisdn(1)), Amount.ofShillings(250_000),
                new Description("Sukuma 🥬 and eggs"), payToken(1), at(0));
        repo.add(issued);
        Invoice sent = repo.update(issued.sendAccepted(Channel.SMS, at(10)).invoice());
        Invoice reminded = repo.update(sent.remind(new ReminderPolicy(Duration.ZERO, 5), at(20)).invoice());
        Invoice paid = repo.update(Fixtures.paid(reminded, at(30)));

        assertThat(repo.find(issued.id())).contains(paid);
        assertThat(paid.sentAt()).contains(at(10));
        assertThat(paid.deliveryChannel()).contains(Channel.SMS);
        assertThat(paid.reminderCount()).isEqualTo(1);
        assertThat(paid.lastRemindedAt()).contains(at(20));
        assertThat(paid.paidAt()).contains(at(30));
        assertThat(paid.receipt()).isPresent();

        Invoice other = invoice(2, at(40));
        repo.add(other);
        Invoice cancelled = repo.update(Fixtures.cancelled(other, at(50)));
        assertThat(repo.find(other.id())).contains(cancelled);
        assertThat(cancelled.cancelledAt()).contains(at(50));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Creation keys
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void givenAnInvoiceAddedWithACreationKey_whenLookedUpByIt_thenItIsFoundAsItIsNow() {
        var key = new IdempotencyKey("create-1");
        Invoice issued = invoice(1, at(0));
        repo.add(issued, Optional.of(key));
        repo.add(invoice(2, at(1)));
        repo.add(invoice(3, at(2)), Optional.empty());

        assertThat(repo.findByCreationKey(key)).contains(issued);
        assertThat(repo.findByCreationKey(new IdempotencyKey("create-2"))).isEmpty();

        Invoice sent = repo.update(sent(issued, at(10)));
        assertThat(repo.findByCreationKey(key)).contains(sent);
    }

    @Test
    void givenACreationKeyInUse_whenAnotherInvoiceIsAddedWithIt_thenItIsRefusedAndNotStored() {
        var key = new IdempotencyKey("create-1");
        repo.add(invoice(1, at(0)), Optional.of(key));

        assertThatThrownBy(() -> repo.add(invoice(2, at(1)), Optional.of(key)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(repo.exists(invoiceId(2))).isFalse();
        assertThat(repo.findByCreationKey(key).map(Invoice::id)).contains(invoiceId(1));
    }

    // ---------------------------------------------------------------------------------------------------------
    // The aggregate: an invoice and its payment attempts, read and written whole
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void givenAnInvoiceWithAttempts_whenAdded_thenItIsRefused() {
        Invoice withAttempt = requested(sent(invoice(1, at(0)), at(5)), 1, at(10));

        assertThatThrownBy(() -> repo.add(withAttempt)).isInstanceOf(IllegalArgumentException.class);
        assertThat(repo.exists(invoiceId(1))).isFalse();
    }

    @Test
    void givenAttemptsAddedAndChangedThroughUpdates_whenReadBack_thenTheAggregateIsExactlyAsStored() {
        Invoice issued = invoice(1, at(0));
        repo.add(issued);
        Invoice first = repo.update(requested(sent(issued, at(5)), 1, at(10)));
        assertThat(repo.find(issued.id())).contains(first);
        assertThat(first.payments()).hasSize(1);

        Invoice refused = repo.update(settled(named(first, 1, at(11)), 1, failure(1, 1, at(20)), at(20)));
        Invoice given = named(requested(refused, 2, at(30)), 2, at(31)).queried(paymentId(2), at(90))
                .queried(paymentId(2), at(150));
        Invoice expired = repo.update(given.giveUp(paymentId(2), at(300)).invoice());
        Invoice partly = repo.update(paidBy(requested(expired, 3, at(400)), 3, 1_000, at(410)));
        Invoice inFlight = repo.update(requested(partly, 4, at(500)));

        assertThat(repo.find(issued.id())).contains(inFlight);
        assertThat(repo.findByPayToken(issued.payToken())).contains(inFlight);
        assertThat(repo.latest(Optional.empty(), 10)).containsExactly(inFlight);
        assertThat(inFlight.version()).isEqualTo(5);
        assertThat(inFlight.payments()).extracting(Payment::status).containsExactly(PaymentStatus.FAILED,
                PaymentStatus.EXPIRED, PaymentStatus.SUCCESS, PaymentStatus.INITIATED);
        assertThat(inFlight.payment(paymentId(2)).orElseThrow().queries()).isEqualTo(2);
        assertThat(inFlight.paid()).isEqualTo(Money.ofShillings(1_000));
        assertThat(inFlight.attemptInFlight().orElseThrow().amount()).isEqualTo(Amount.ofShillings(1_500));
        assertThat(inFlight.status()).isEqualTo(InvoiceStatus.SENT);

        Invoice paid = repo.update(paidBy(inFlight, 4, 1_500, at(520)));
        assertThat(repo.find(issued.id())).contains(paid);
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.receipts()).containsExactly(receipt(3), receipt(4));
        assertThat(paid.receipt()).contains(receipt(4));
    }

    @Test
    void givenMoneyDifferentFromWhatWasAsked_whenStored_thenWhatWasReceivedIsKept() {
        Invoice issued = invoice(1, at(0));
        repo.add(issued);

        Invoice overpaid = repo.update(paidBy(requested(sent(issued, at(5)), 1, at(10)), 1, 3_000, at(20)));

        Payment payment = repo.find(issued.id()).orElseThrow().payment(paymentId(1)).orElseThrow();
        assertThat(payment.amount()).isEqualTo(Amount.ofShillings(2_500));
        assertThat(payment.received()).contains(Money.ofShillings(3_000));
        assertThat(repo.find(issued.id()).orElseThrow().paid()).isEqualTo(Money.ofShillings(3_000));
        assertThat(overpaid.status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void givenAPageOfInvoicesSomeWithAttempts_whenListed_thenEachComesWithItsOwnAttempts() {
        Invoice one = store(repo, requested(sent(invoice(1, at(0)), at(1)), 1, at(2)));
        Invoice two = store(repo, invoice(2, at(10)));
        Invoice three = store(repo, paid(requested(sent(invoice(3, at(20)), at(21)), 3, at(22))
                .settle(paymentId(3), failure(3, 1, at(23)), Fixtures.POLICY, at(23)).invoice(), at(30)));

        assertThat(repo.latest(Optional.empty(), 10)).containsExactly(three, two, one);
        assertThat(repo.latest(Optional.of(InvoiceStatus.PAID), 10)).containsExactly(three);
        assertThat(three.payments()).hasSize(2);
    }

    @Test
    void givenAStaleReadWithANewAttempt_whenUpdated_thenItIsRefusedAndNoAttemptIsStored() {
        Invoice issued = invoice(1, at(0));
        repo.add(issued);
        Invoice winner = repo.update(sent(issued, at(5)));

        assertThatThrownBy(() -> repo.update(requested(issued, 1, at(10))))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(repo.find(issued.id())).contains(winner);
        assertThat(repo.find(issued.id()).orElseThrow().payments()).isEmpty();
    }

    @Test
    void givenTwoRequestsFromOneRead_whenBothStoreAnAttemptAtOnce_thenExactlyOneAttemptIsStored()
            throws InterruptedException {
        Invoice read = repo.update(sent(stored(invoice(1, at(0))), at(5)));

        var results = Concurrently.run(2, i -> {
            try {
                return Optional.of(repo.update(requested(read, 10 + i, at(10))));
            } catch (ConcurrentUpdateException lost) {
                return Optional.<Invoice>empty();
            }
        });

        var winners = results.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        assertThat(repo.find(read.id())).contains(winners.getFirst());
        assertThat(repo.find(read.id()).orElseThrow().payments()).hasSize(1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // What is unique across all invoices: an attempt's id, idempotency key, CheckoutRequestID and receipt
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void givenAnIdempotencyKeyTakenByAnotherInvoicesAttempt_whenUpdated_thenItIsAConcurrentUpdate() {
        var key = new IdempotencyKey("tap-1");
        Invoice first = repo.update(requested(sent(stored(invoice(1, at(0))), at(1)), 1, key, at(10)));
        Invoice second = repo.update(sent(stored(invoice(2, at(0))), at(1)));

        assertThatThrownBy(() -> repo.update(requested(second, 2, key, at(11))))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(repo.find(invoiceId(2))).contains(second);
        assertThat(repo.find(invoiceId(1))).contains(first);
    }

    @Test
    void givenTwoInvoicesRacingForOneIdempotencyKey_whenBothAreUpdatedAtOnce_thenExactlyOneKeepsIt()
            throws InterruptedException {
        var key = new IdempotencyKey("tap-1");
        Invoice first = repo.update(sent(stored(invoice(1, at(0))), at(1)));
        Invoice second = repo.update(sent(stored(invoice(2, at(0))), at(1)));
        List<Invoice> reads = List.of(first, second);

        var results = Concurrently.run(2, i -> {
            try {
                return Optional.of(repo.update(requested(reads.get(i), 1 + i, key, at(10))));
            } catch (ConcurrentUpdateException lost) {
                return Optional.<Invoice>empty();
            }
        });

        var winners = results.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        var attempts = new ArrayList<Payment>();
        attempts.addAll(repo.find(invoiceId(1)).orElseThrow().payments());
        attempts.addAll(repo.find(invoiceId(2)).orElseThrow().payments());
        assertThat(attempts).singleElement().satisfies(p -> assertThat(p.idempotencyKey()).isEqualTo(key));
    }

    @Test
    void givenAPaymentIdTakenByAnotherInvoicesAttempt_whenUpdated_thenItIsRefused() {
        Invoice first = repo.update(requested(sent(stored(invoice(1, at(0))), at(1)), 1, at(10)));
        Invoice second = repo.update(sent(stored(invoice(2, at(0))), at(1)));

        assertThatThrownBy(() -> repo.update(requested(second, 1, new IdempotencyKey("other"), at(11))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(repo.find(invoiceId(1))).contains(first);
        assertThat(repo.find(invoiceId(2))).contains(second);
    }

    @Test
    void givenACheckoutRequestIdTakenByAnotherInvoicesAttempt_whenUpdated_thenItIsRefused() {
        Invoice first = repo.update(named(requested(sent(stored(invoice(1, at(0))), at(1)), 1, at(10)), 1, at(11)));
        Invoice second = repo.update(requested(sent(stored(invoice(2, at(0))), at(1)), 2, at(10)));
        Invoice clash = second.pushAccepted(paymentId(2), merchantRequestId(2), checkoutRequestId(1), at(12));

        assertThatThrownBy(() -> repo.update(clash)).isInstanceOf(IllegalStateException.class);
        assertThat(repo.find(invoiceId(2))).contains(second);
        assertThat(repo.find(invoiceId(1))).contains(first);
    }

    @Test
    void givenAReceiptRecordedByAnotherInvoicesAttempt_whenUpdated_thenItIsRefused() {
        Invoice first = repo.update(paidBy(requested(sent(stored(invoice(1, at(0))), at(1)), 1, at(10)), 1, 2_500,
                at(11)));
        Invoice second = repo.update(named(requested(sent(stored(invoice(2, at(0))), at(1)), 2, at(10)), 2, at(11)));
        Invoice clash = settled(second, 2, success(2, receipt(1), 2_500, at(12)), at(12));

        assertThatThrownBy(() -> repo.update(clash)).isInstanceOf(IllegalStateException.class);
        assertThat(repo.find(invoiceId(2))).contains(second);
        assertThat(repo.find(invoiceId(1))).contains(first);
    }

    @Test
    void givenAStoredAttempt_whenAnUpdateLeavesItOutOrChangesWhatItAsked_thenItIsRefused() {
        Invoice stored = repo.update(requested(sent(stored(invoice(1, at(0))), at(1)), 1, at(10)));
        Payment attempt = stored.payments().getFirst();
        Payment askedMore = new Payment(attempt.id(), attempt.invoiceId(), attempt.payer(), Amount.ofShillings(9),
                attempt.idempotencyKey(), attempt.status(), attempt.merchantRequestId(), attempt.checkoutRequestId(),
                attempt.result(), attempt.receipt(), attempt.transactionTime(), attempt.received(),
                attempt.createdAt(), attempt.updatedAt(), attempt.queries(), attempt.lastQueriedAt());

        assertThatThrownBy(() -> repo.update(withPayments(stored, List.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repo.update(withPayments(stored, List.of(askedMore))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(repo.find(invoiceId(1))).contains(stored);
    }

    private Invoice stored(Invoice issued) {
        repo.add(issued);
        return issued;
    }

    /** The same invoice with other attempts: what no transition produces, to prove the repository refuses it. */
    private static Invoice withPayments(Invoice i, List<Payment> payments) {
        return new Invoice(i.id(), i.customer(), i.amount(), i.description(), i.status(), i.payToken(),
                i.createdAt(), i.sentAt(), i.paidAt(), i.cancelledAt(), i.deliveryChannel(), i.reminderCount(),
                i.lastRemindedAt(), payments, i.paidOutside(), i.dueDate(), i.language(), i.version());
    }

    @Test
    void givenInvoicesDueOnVariousDays_whenOpenOnesDueByADayAreAsked_thenOnlyThoseInIdOrderPageByPage() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 10);
        Invoice dueBefore = due(3, day.minusDays(2));
        Invoice dueOnTheDay = due(1, day);
        Invoice dueAfter = due(2, day.plusDays(1));
        Invoice noDueDate = invoice(4, at(0));
        Invoice cancelled = due(5, day.minusDays(1));
        Invoice sentDue = due(6, day);
        for (Invoice i : List.of(dueBefore, dueOnTheDay, dueAfter, noDueDate, cancelled, sentDue)) {
            repo.add(i);
        }
        repo.update(((ke.invoiceiq.domain.invoice.InvoiceOutcome.Applied) repo.find(cancelled.id()).orElseThrow()
                .cancel(at(5))).invoice());
        repo.update(((ke.invoiceiq.domain.invoice.InvoiceOutcome.Applied) repo.find(sentDue.id()).orElseThrow()
                .sendAccepted(Channel.SMS, at(5))).invoice());

        List<Invoice> all = repo.openDueBy(day, java.util.Optional.empty(), 10);
        assertThat(all).extracting(Invoice::id).containsExactly(dueOnTheDay.id(), dueBefore.id(), sentDue.id());
        assertThat(all.get(2)).isEqualTo(repo.find(sentDue.id()).orElseThrow());

        List<Invoice> first = repo.openDueBy(day, java.util.Optional.empty(), 2);
        List<Invoice> second = repo.openDueBy(day, java.util.Optional.of(first.getLast().id()), 2);
        assertThat(first).extracting(Invoice::id).containsExactly(dueOnTheDay.id(), dueBefore.id());
        assertThat(second).extracting(Invoice::id).containsExactly(sentDue.id());
    }

    private static Invoice due(int n, java.time.LocalDate day) {
        return Invoice.issue(invoiceId(n), Customer.of(Fixtures.msisdn(n)), Amount.ofShillings(2500),
                new Description("Cleaning"), payToken(n), at(n), java.util.Optional.of(day),
                ke.invoiceiq.domain.copy.Language.EN);
    }
}
