package ke.invoiceiq.adapters.postgres;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.callback;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoice;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoiceId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.plainReply;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.requested;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.sent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import ke.invoiceiq.adapters.memory.contract.Fixtures;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.messaging.InboundEventLog;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.PaymentResultInbox;
import ke.invoiceiq.domain.payment.UnmatchedPayment;
import ke.invoiceiq.domain.payment.UnmatchedPaymentId;
import ke.invoiceiq.domain.payment.UnmatchedPayments;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;
import ke.invoiceiq.domain.shared.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ports inside one unit of work ({@link Transactions}): all or nothing, refusals that are answers (not
 * failures) leave the unit able to commit, and a lost optimistic race reaches the use case unchanged.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TransactionsTest {

    @Inject
    TestDatabase database;

    @Inject
    Transactions transactions;

    @Inject
    InvoiceRepository invoices;

    @Inject
    PaymentRepository payments;

    @Inject
    PaymentResultInbox inbox;

    @Inject
    InboundEventLog events;

    @Inject
    Outbox outbox;

    @Inject
    UnmatchedPayments unmatched;

    @BeforeEach
    void empty() {
        database.clean();
    }

    @Test
    void commitsEverythingDoneInTheUnit() {
        Invoice stored = transactions.inTransaction(() -> {
            invoices.add(invoice(1, at(0)));
            Invoice read = invoices.find(invoiceId(1)).orElseThrow();
            Invoice next = invoices.update(sent(read, at(10)));
            outbox.enqueue(plainReply("m-1", at(10)));
            assertThat(invoices.find(invoiceId(1))).contains(next);
            return next;
        });

        assertThat(stored.version()).isEqualTo(1);
        assertThat(invoices.find(invoiceId(1))).contains(stored);
        assertThat(outbox.find("m-1")).isPresent();
    }

    @Test
    void rollsBackEverythingWhenTheWorkThrows() {
        var boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> transactions.run(() -> {
            invoices.add(invoice(1, at(0)));
            outbox.enqueue(plainReply("m-1", at(0)));
            throw boom;
        })).isSameAs(boom);

        assertThat(invoices.exists(invoiceId(1))).isFalse();
        assertThat(outbox.find("m-1")).isEmpty();
    }

    @Test
    void joinsAnOuterUnitSoTheOuterBoundaryDecides() {
        assertThatThrownBy(() -> transactions.run(() -> {
            transactions.run(() -> invoices.add(invoice(1, at(0))));
            assertThat(invoices.exists(invoiceId(1))).isTrue();
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");

        assertThat(invoices.exists(invoiceId(1))).isFalse();
    }

    @Test
    void refusalsAreAnswersThatLeaveTheUnitAbleToCommit() {
        var creationKey = new IdempotencyKey("create-1");
        invoices.add(invoice(1, at(0)), Optional.of(creationKey));

        transactions.run(() -> {
            assertThatThrownBy(() -> invoices.add(invoice(2, at(1)), Optional.of(creationKey)))
                    .isInstanceOf(IllegalStateException.class);
            Invoice winner = invoices.findByCreationKey(creationKey).orElseThrow();
            invoices.update(requested(sent(winner, at(5)), 1, at(10)));
            assertThat(inbox.store(callback(1, at(13)), Optional.empty())).isTrue();
            assertThat(inbox.store(callback(1, at(14)), Optional.empty())).isFalse();
            assertThat(unmatched.add(UnmatchedPayment.raise(new UnmatchedPaymentId("u-1"), callback(9, at(15)))))
                    .isTrue();
            assertThat(unmatched.add(UnmatchedPayment.raise(new UnmatchedPaymentId("u-2"), callback(9, at(16)))))
                    .isFalse();
            assertThat(events.firstSeen("whatsapp", "wamid.1", at(15))).isTrue();
            assertThat(events.firstSeen("whatsapp", "wamid.1", at(16))).isFalse();
            outbox.enqueue(plainReply("m-1", at(17)));
        });

        assertThat(payments.findByInvoice(invoiceId(1))).hasSize(1);
        assertThat(invoices.exists(invoiceId(2))).isFalse();
        assertThat(inbox.unprocessed(Fixtures.checkoutRequestId(1))).hasSize(1);
        assertThat(unmatched.countOpen()).isEqualTo(1);
        assertThat(outbox.find("m-1")).isPresent();
    }

    @Test
    void givenAnIdempotencyKeyTakenByAnotherInvoice_whenUpdatedInAUnit_thenTheUnitIsUndoneAndCanBeRetried() {
        var key = new IdempotencyKey("tap-1");
        Invoice first = invoices.update(requested(sent(stored(1), at(1)), 1, key, at(10)));
        Invoice second = invoices.update(sent(stored(2), at(1)));

        assertThatThrownBy(() -> transactions.run(() -> {
            outbox.enqueue(plainReply("m-1", at(11)));
            invoices.update(requested(second, 2, key, at(11)));
        })).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(outbox.find("m-1")).isEmpty();
        assertThat(invoices.find(invoiceId(2))).contains(second);
        assertThat(invoices.find(invoiceId(1))).contains(first);
        Invoice retried = transactions.inTransaction(() -> invoices.update(
                requested(invoices.find(invoiceId(2)).orElseThrow(), 2, new IdempotencyKey("tap-2"), at(12))));
        assertThat(payments.findByInvoice(invoiceId(2))).containsExactlyElementsOf(retried.payments());
    }

    private Invoice stored(int n) {
        Invoice issued = invoice(n, at(0));
        invoices.add(issued);
        return issued;
    }

    @Test
    void aLostOptimisticRaceReachesTheUseCaseUnchangedAndUndoesTheUnit() {
        Invoice issued = invoice(1, at(0));
        invoices.add(issued);
        invoices.update(sent(issued, at(5)));

        assertThatThrownBy(() -> transactions.run(() -> {
            outbox.enqueue(plainReply("m-1", at(10)));
            invoices.update(Fixtures.cancelled(issued, at(10)));
        })).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(outbox.find("m-1")).isEmpty();
        assertThat(invoices.find(invoiceId(1)).orElseThrow().status()).isEqualTo(InvoiceStatus.SENT);
    }
}
