package ke.invoiceiq.adapters.postgres;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.callback;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoice;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoiceId;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.payment;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.plainReply;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.sent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ke.invoiceiq.adapters.memory.contract.Fixtures;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.messaging.InboundEventLog;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.PaymentRepository.AddResult;
import ke.invoiceiq.domain.payment.PaymentResultInbox;
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
        invoices.add(invoice(1, at(0)));
        invoices.add(invoice(2, at(0)));

        transactions.run(() -> {
            assertThat(payments.addIfNoneInFlight(payment(1, invoiceId(1), at(10)))).isEqualTo(AddResult.ADDED);
            assertThat(payments.addIfNoneInFlight(payment(2, invoiceId(1), at(11))))
                    .isEqualTo(AddResult.ANOTHER_IN_FLIGHT);
            assertThat(payments.addIfNoneInFlight(payment(3, invoiceId(2), new IdempotencyKey("key-1"), at(12))))
                    .isEqualTo(AddResult.DUPLICATE_KEY);
            assertThat(inbox.store(callback(1, at(13)))).isTrue();
            assertThat(inbox.store(callback(1, at(14)))).isFalse();
            assertThat(events.firstSeen("whatsapp", "wamid.1", at(15))).isTrue();
            assertThat(events.firstSeen("whatsapp", "wamid.1", at(16))).isFalse();
            outbox.enqueue(plainReply("m-1", at(17)));
        });

        assertThat(payments.findByInvoice(invoiceId(1))).hasSize(1);
        assertThat(payments.findByInvoice(invoiceId(2))).isEmpty();
        assertThat(inbox.findUnprocessed(Fixtures.checkoutRequestId(1))).isPresent();
        assertThat(outbox.find("m-1")).isPresent();
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
