package ke.invoiceiq.application.invoice;

import static ke.invoiceiq.application.inbound.Wiring.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import ke.invoiceiq.application.inbound.Wiring;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.Refusal;
import ke.invoiceiq.domain.payment.Payment;
import org.junit.jupiter.api.Test;

class CancelInvoiceServiceTest {

    private final Wiring app = new Wiring();

    @Test
    void givenPaymentInitiated_whenCancel_thenRefusedAsPaymentInFlight() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        app.paymentInFlight(invoice);

        var outcome = app.cancelInvoice.cancel(new CancelInvoiceCommand(invoice.id()));

        assertThat(outcome).isEqualTo(new CancelInvoiceOutcome.Refused(invoice, Refusal.PAYMENT_IN_FLIGHT));
        assertThat(app.ports.events().published(InvoiceEvent.Cancelled.class)).isEmpty();
    }

    @Test
    void givenEarlierAttemptFailed_whenCancel_thenCancelled() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        Payment attempt = app.paymentInFlight(invoice);
        app.ports.payments().update(attempt.expired(app.now()));

        var outcome = app.cancelInvoice.cancel(new CancelInvoiceCommand(invoice.id()));

        assertThat(outcome).isInstanceOfSatisfying(CancelInvoiceOutcome.Cancelled.class, c -> {
            assertThat(c.invoice().status()).isEqualTo(InvoiceStatus.CANCELLED);
            assertThat(c.customerTold()).isTrue();
        });
        assertThat(app.ports.events().published(InvoiceEvent.Cancelled.class)).hasSize(1);
    }

    @Test
    void givenUnknownId_whenCancel_thenNotFound() {
        InvoiceId unknown = new InvoiceId("INV-ZZZZZZ");

        assertThat(app.cancelInvoice.cancel(new CancelInvoiceCommand(unknown)))
                .isEqualTo(new CancelInvoiceOutcome.NotFound(unknown));
    }
}
