package ke.invoiceiq.application.invoice;

import static ke.invoiceiq.application.inbound.Wiring.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.application.inbound.Wiring;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceCursor;
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
    void givenMoreInvoicesThanAPage_whenPaging_thenEachOnceNewestFirstAndNoCursorAfterTheLast() {
        var created = new ArrayList<InvoiceId>();
        for (int n = 1; n <= 5; n++) {
            created.add(app.issued(CUSTOMER, 100L * n, "Job number " + n).id());
            if (n % 2 == 0) {
                app.ports.clock().advance(Duration.ofSeconds(1)); // some share a creation time, some do not
            }
        }
        List<InvoiceId> newestFirst = created.reversed();

        InvoicePage first = app.findInvoices.page(Optional.empty(), Optional.empty(), 2);
        InvoicePage second = app.findInvoices.page(Optional.empty(), first.next(), 2);
        InvoicePage third = app.findInvoices.page(Optional.empty(), second.next(), 2);

        assertThat(first.items()).extracting(Invoice::id).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(second.items()).extracting(Invoice::id).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(third.items()).extracting(Invoice::id).containsExactlyElementsOf(newestFirst.subList(4, 5));
        assertThat(first.next()).contains(InvoiceCursor.after(first.items().getLast()));
        assertThat(third.next()).isEmpty();

        InvoicePage exact = app.findInvoices.page(Optional.empty(), Optional.empty(), 5);
        assertThat(exact.items()).hasSize(5);
        assertThat(exact.next()).as("no cursor to an empty page").isEmpty();
        assertThat(app.findInvoices.page(Optional.of(InvoiceStatus.PAID), Optional.empty(), 5).items()).isEmpty();
    }

    @Test
    void givenLimitOutOfRange_whenPage_thenRejected() {
        assertThatThrownBy(() -> app.findInvoices.page(Optional.empty(), Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> app.findInvoices.page(Optional.empty(), Optional.empty(),
                FindInvoicesUseCase.MAX_LIMIT + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenLimitOutOfRange_whenLatest_thenRejected() {
        assertThatThrownBy(() -> app.findInvoices.latest(Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> app.findInvoices.latest(Optional.empty(), FindInvoicesUseCase.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
