package ke.invoiceiq.application.invoice;

import static ke.invoiceiq.application.inbound.Wiring.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import ke.invoiceiq.application.inbound.Wiring;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import org.junit.jupiter.api.Test;

class FindInvoicesServiceTest {

    private final Wiring app = new Wiring();

    @Test
    void givenInvoicesInSeveralStatuses_whenLatestOfOneStatus_thenOnlyThoseNewestFirst() {
        Invoice first = app.sent(CUSTOMER, 100, "First job");
        app.ports.clock().advance(Duration.ofMinutes(1));
        app.issued(CUSTOMER, 200, "Second job");
        app.ports.clock().advance(Duration.ofMinutes(1));
        Invoice third = app.sent(CUSTOMER, 300, "Third job");

        assertThat(app.findInvoices.latest(Optional.of(InvoiceStatus.SENT), 10)).extracting(Invoice::id)
                .containsExactly(third.id(), first.id());
        assertThat(app.findInvoices.latest(Optional.empty(), 2)).hasSize(2);
        assertThat(app.findInvoices.find(first.id())).contains(app.invoice(first.id()));
        assertThat(app.findInvoices.find(new InvoiceId("INV-ZZZZZZ"))).isEmpty();
    }

    @Test
    void givenLimitOutOfRange_whenLatest_thenRejected() {
        assertThatThrownBy(() -> app.findInvoices.latest(Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> app.findInvoices.latest(Optional.empty(), FindInvoicesUseCase.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
