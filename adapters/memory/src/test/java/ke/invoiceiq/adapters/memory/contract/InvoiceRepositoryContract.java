package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoice;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoiceId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.payToken;
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
import ke.invoiceiq.domain.invoice.ReminderPolicy;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link InvoiceRepository} must do. */
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
}
