package ke.invoiceiq.adapters.http.pay;

import java.math.BigDecimal;
import java.util.Optional;
import ke.invoiceiq.adapters.http.TestPayments;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.application.payment.RecordPaymentResultUseCase;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.StkResult;

/** Invoices in every state, straight into the in-memory ports of {@code TestWiring}; and M-PESA's answers. */
final class PayInvoices {

    static final Msisdn CUSTOMER = new Msisdn("254712345678");

    private final InMemoryPorts ports;

    PayInvoices(InMemoryPorts ports) {
        this.ports = ports;
    }

    Invoice in(InvoiceStatus status) {
        return in(status, "Cleaning (Wed 3pm)", 2_500);
    }

    Invoice in(InvoiceStatus status, String description, long shillings) {
        return in(status, description, shillings, Language.EN);
    }

    /** An invoice written to its customer in {@code language}. */
    Invoice in(InvoiceStatus status, String description, long shillings, Language language) {
        var now = ports.clock().instant();
        Invoice invoice = Invoice.issue(ports.ids().nextInvoiceId(),
                Customer.of(CUSTOMER, new CustomerName("Mama Njeri")), Amount.ofShillings(shillings),
                new Description(description), ports.ids().nextPayToken(), now, Optional.empty(), language);
        ports.invoices().add(invoice);
        invoice = ports.invoices().find(invoice.id()).orElseThrow();
        return switch (status) {
            case PENDING -> invoice;
            case SENT -> save(invoice.sendAccepted(Channel.WHATSAPP, now).invoice());
            case FAILED -> save(invoice.deliveryFailedOnEveryChannel(now).invoice());
            case PAID -> TestPayments.pay(ports, save(invoice.sendAccepted(Channel.WHATSAPP, now).invoice()),
                    shillings);
            case CANCELLED -> save(save(invoice.sendAccepted(Channel.SMS, now).invoice()).cancel(now).invoice());
        };
    }

    /** An invoice SENT, due on {@code day}. */
    Invoice sentDue(java.time.LocalDate day) {
        var now = ports.clock().instant();
        Invoice invoice = Invoice.issue(ports.ids().nextInvoiceId(), Customer.of(CUSTOMER), Amount.ofShillings(2_500),
                new Description("Cleaning"), ports.ids().nextPayToken(), now, java.util.Optional.of(day),
                ke.invoiceiq.domain.copy.Language.EN);
        ports.invoices().add(invoice);
        return save(ports.invoices().find(invoice.id()).orElseThrow().sendAccepted(Channel.WHATSAPP, now).invoice());
    }

    private Invoice save(Invoice next) {
        return ports.invoices().update(next);
    }

    Invoice reload(Invoice invoice) {
        return ports.invoices().find(invoice.id()).orElseThrow();
    }

    /** Every STK push requested for {@code invoice}, by its account reference. */
    long pushesFor(Invoice invoice) {
        return ports.gateway().pushRequests().stream().filter(p -> p.accountReference().equals(invoice.id())).count();
    }

    Payment onlyAttempt(Invoice invoice) {
        var attempts = ports.payments().findByInvoice(invoice.id());
        if (attempts.size() != 1) {
            throw new AssertionError("expected one attempt, found " + attempts.size());
        }
        return attempts.getFirst();
    }

    /** The invoice's latest M-PESA receipt, as stored. */
    String receiptOf(Invoice invoice) {
        return reload(invoice).receipt().orElseThrow().value();
    }

    /** M-PESA's callback for the invoice's latest attempt: paid in full ({@code 0}, a new receipt), or failed. */
    void callback(RecordPaymentResultUseCase results, Invoice invoice, int resultCode) {
        Payment attempt = latestAttempt(invoice);
        callback(results, attempt, resultCode, attempt.amount().shillings());
    }

    /** M-PESA's callback for {@code attempt}: paid {@code shillings} ({@code 0}, a new receipt), or failed. */
    void callback(RecordPaymentResultUseCase results, Payment attempt, int resultCode, long shillings) {
        CheckoutRequestId checkout = attempt.checkoutRequestId().orElseThrow();
        boolean paid = resultCode == 0;
        var now = ports.clock().instant();
        results.record(new PaymentResult(checkout, Optional.of(new MerchantRequestId("mr-page")),
                StkResult.of(resultCode), paid ? Optional.of(BigDecimal.valueOf(shillings)) : Optional.empty(),
                paid ? Optional.of(new MpesaReceipt(TestPayments.nextReceipt())) : Optional.empty(),
                paid ? Optional.of(now) : Optional.empty(), paid ? Optional.of(CUSTOMER) : Optional.empty(), now),
                Optional.empty());
    }

    Payment latestAttempt(Invoice invoice) {
        return ports.payments().findByInvoice(invoice.id()).stream()
                .max(java.util.Comparator.comparing(Payment::createdAt).thenComparing(p -> p.id().value()))
                .orElseThrow();
    }
}
