package ke.invoiceiq.application.payment;

import static ke.invoiceiq.application.inbound.Wiring.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import ke.invoiceiq.application.inbound.Wiring;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.StkResult;
import org.junit.jupiter.api.Test;

class FindPaymentsServiceTest {

    private final Wiring app = new Wiring();
    private final FindPaymentsService findPayments = new FindPaymentsService(app.ports.invoices(),
            app.ports.payments(), app.ports.transactions());

    @Test
    void givenAttemptsOnSeveralInvoices_whenOfInvoice_thenOnlyThatInvoicesNewestFirst() {
        Invoice invoice = app.sent(CUSTOMER, 2_500, "Cleaning");
        Invoice other = app.sent(CUSTOMER, 300, "Ironing");
        Payment first = app.paymentInFlight(invoice);
        app.ports.payments().update(first.accepted(new MerchantRequestId("mr-1"), new CheckoutRequestId("ws_CO_1"),
                app.now()).failed(StkResult.of(1032), app.now()));
        app.ports.clock().advance(Duration.ofMinutes(3));
        app.paymentInFlight(other);
        Payment second = Payment.initiate(new ke.invoiceiq.domain.payment.PaymentId("p-second"), invoice.id(),
                CUSTOMER, invoice.amount(), new ke.invoiceiq.domain.payment.IdempotencyKey("k-second"), app.now());
        app.ports.payments().addIfNoneInFlight(second);

        assertThat(findPayments.ofInvoice(invoice.id())).hasValueSatisfying(payments -> assertThat(payments)
                .extracting(Payment::id).containsExactly(second.id(), first.id()));
    }

    @Test
    void givenAnInvoiceWithoutAttempts_whenOfInvoice_thenAnEmptyList() {
        Invoice invoice = app.issued(CUSTOMER, 2_500, "Cleaning");

        assertThat(findPayments.ofInvoice(invoice.id())).hasValueSatisfying(p -> assertThat(p).isEmpty());
    }

    @Test
    void givenNoSuchInvoice_whenOfInvoice_thenNothing() {
        assertThat(findPayments.ofInvoice(new InvoiceId("INV-ZZZZZZ"))).isEmpty();
    }
}
