package ke.invoiceiq.application.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.payment.Payment;
import org.junit.jupiter.api.Test;

class FindPaymentsServiceTest {

    private final PaymentWorld world = new PaymentWorld();
    private final FindPaymentsService findPayments = new FindPaymentsService(world.ports.invoices(),
            world.ports.transactions());

    @Test
    void givenAttemptsOnSeveralInvoices_whenOfInvoice_thenOnlyThatInvoicesNewestFirst() {
        Invoice invoice = world.sentInvoice();
        Invoice other = world.sentInvoice();
        Payment first = world.initiated(invoice, "tap-1");
        world.callback(first, PaymentWorld.CANCELLED_BY_USER);
        world.advance(Duration.ofMinutes(3));
        world.initiated(other, "tap-other");
        Payment second = world.initiated(invoice, "tap-2");

        assertThat(findPayments.ofInvoice(invoice.id())).hasValueSatisfying(payments -> assertThat(payments)
                .extracting(Payment::id).containsExactly(second.id(), first.id()));
    }

    @Test
    void givenAnInvoiceWithoutAttempts_whenOfInvoice_thenAnEmptyList() {
        Invoice invoice = world.sentInvoice();

        assertThat(findPayments.ofInvoice(invoice.id())).hasValueSatisfying(p -> assertThat(p).isEmpty());
    }

    @Test
    void givenNoSuchInvoice_whenOfInvoice_thenNothing() {
        assertThat(findPayments.ofInvoice(new InvoiceId("INV-ZZZZZZ"))).isEmpty();
    }
}
