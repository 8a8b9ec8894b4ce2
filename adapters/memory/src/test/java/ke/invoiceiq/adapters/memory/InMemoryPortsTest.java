package ke.invoiceiq.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import ke.invoiceiq.adapters.memory.contract.Fixtures;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.shared.DomainEvent;
import org.junit.jupiter.api.Test;

class InMemoryPortsTest {

    private record Happened(Instant at) implements DomainEvent {
    }

    @Test
    void createsFreshPortsStartingAtTheGivenTime() {
        var start = Instant.parse("2026-05-01T12:00:00Z");

        var ports = InMemoryPorts.create(start);

        assertThat(ports.clock().instant()).isEqualTo(start);
        assertThat(ports.statistics()).isSameAs(ports.invoices());
        assertThat(ports.outbox().all()).isEmpty();
        assertThat(ports.unmatchedPayments().countOpen()).isZero();
        assertThat(ports.idempotentAnswers().purgeBefore(Instant.MAX, 10)).isZero();
        assertThat(InMemoryPorts.create().clock().instant()).isEqualTo(MutableClock.DEFAULT_START);
    }

    @Test
    void givenAnAttemptStoredWithItsInvoice_whenLookedUpInThePayments_thenItIsThere() {
        var ports = InMemoryPorts.create();
        Invoice issued = Fixtures.invoice(1, Fixtures.at(0));
        ports.invoices().add(issued);

        Invoice stored = ports.invoices().update(Fixtures.requested(Fixtures.sent(issued, Fixtures.at(1)), 1,
                Fixtures.at(2)));

        assertThat(ports.payments().find(Fixtures.paymentId(1))).contains(stored.payments().getFirst());
        assertThat(ports.payments().findByInvoice(issued.id())).containsExactlyElementsOf(stored.payments());
    }

    @Test
    void recordsPublishedEventsInOrder() {
        var events = InMemoryPorts.create().events();
        var first = new Happened(Instant.EPOCH);
        var second = new Happened(Instant.EPOCH.plusSeconds(1));

        events.publish(first);
        events.publish(second);

        assertThat(events.published()).containsExactly(first, second);
        assertThat(events.published(Happened.class)).containsExactly(first, second);
    }
}
