package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoice;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoiceId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.payToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.Invoice;
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
