package ke.invoiceiq.application.invoice;

import static ke.invoiceiq.application.inbound.Wiring.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import ke.invoiceiq.application.inbound.Wiring;
import java.util.Optional;
import ke.invoiceiq.application.testing.InvoicePayments;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.Refusal;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.payment.Payment;
import org.junit.jupiter.api.Test;

class CancelInvoiceServiceTest {

    private final Wiring app = new Wiring();

    @Test
    void givenPromptOpen_whenCancel_thenRefusedAsPaymentInFlight() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        app.paymentInFlight(invoice);
        Invoice withPrompt = app.invoice(invoice.id());

        var outcome = app.cancelInvoice.cancel(new CancelInvoiceCommand(invoice.id()));

        assertThat(outcome).isEqualTo(new CancelInvoiceOutcome.Refused(withPrompt, Refusal.PAYMENT_IN_FLIGHT));
        assertThat(app.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(app.ports.events().published(InvoiceEvent.Cancelled.class)).isEmpty();
    }

    @Test
    void givenPushWhoseOutcomeIsUnknown_whenCancel_thenRefusedAsPaymentInFlight() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        Payment unnamed = app.paymentOutcomeUnknown(invoice);

        var outcome = app.cancelInvoice.cancel(new CancelInvoiceCommand(invoice.id()));

        assertThat(unnamed.isNamed()).isFalse();
        assertThat(outcome).isInstanceOfSatisfying(CancelInvoiceOutcome.Refused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(Refusal.PAYMENT_IN_FLIGHT));
        assertThat(app.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.SENT);
    }

    @Test
    void givenEarlierAttemptGivenUp_whenCancel_thenCancelled() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        Payment attempt = app.paymentInFlight(invoice);
        InvoicePayments.change(app.ports.invoices(), invoice.id(),
                current -> current.giveUp(attempt.id(), app.now()).invoice());

        var outcome = app.cancelInvoice.cancel(new CancelInvoiceCommand(invoice.id()));

        assertThat(outcome).isInstanceOfSatisfying(CancelInvoiceOutcome.Cancelled.class, c -> {
            assertThat(c.invoice().status()).isEqualTo(InvoiceStatus.CANCELLED);
            assertThat(c.customerTold()).isTrue();
        });
        assertThat(app.ports.events().published(InvoiceEvent.Cancelled.class)).hasSize(1);
    }

    @Test
    void givenASentInvoice_whenCancelled_thenTheCustomerIsToldByACancellationNoticeNotAReminder() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");

        app.cancelInvoice.cancel(new CancelInvoiceCommand(invoice.id()));

        assertThat(app.ports.outbox().all()).filteredOn(m -> m.recipient().equals(CUSTOMER))
                .filteredOn(m -> m.invoiceId().equals(Optional.of(invoice.id())))
                .filteredOn(m -> m.purpose() != MessagePurpose.INVOICE)
                .singleElement().satisfies(m -> {
                    assertThat(m.purpose()).isEqualTo(MessagePurpose.CANCELLATION);
                    assertThat(m.content().text()).isEqualTo(BotCopy.invoiceCancelled(invoice.id(), invoice.amount()));
                    assertThat(m.purpose().staleOnceInvoiceIs(InvoiceStatus.CANCELLED)).isFalse();
                });
    }

    @Test
    void givenUnknownId_whenCancel_thenNotFound() {
        InvoiceId unknown = new InvoiceId("INV-ZZZZZZ");

        assertThat(app.cancelInvoice.cancel(new CancelInvoiceCommand(unknown)))
                .isEqualTo(new CancelInvoiceOutcome.NotFound(unknown));
    }
}
