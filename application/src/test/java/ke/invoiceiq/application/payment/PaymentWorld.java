package ke.invoiceiq.application.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentGateway;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.StkResult;

/** The payment use cases wired over the in-memory ports, with helpers to set up invoices and play M-PESA. */
final class PaymentWorld {

    static final Msisdn MERCHANT = new Msisdn("254700000001");
    static final Msisdn CUSTOMER = new Msisdn("254712345678");
    static final Msisdn STRANGER = new Msisdn("254733999888");
    static final Amount AMOUNT = Amount.ofShillings(2_500);
    static final MpesaReceipt RECEIPT = new MpesaReceipt("NLJ7RT61SV");
    static final MpesaReceipt OTHER_RECEIPT = new MpesaReceipt("NLK8SU72TW");
    static final StkResult PAID = new StkResult(0, "The service request is processed successfully.");
    static final StkResult CANCELLED_BY_USER = new StkResult(1032, "Request cancelled by user");

    final InMemoryPorts ports = InMemoryPorts.create();
    final MerchantSettings merchant = new MerchantSettings(Set.of(MERCHANT), "Wanjiru Cleaners", "https://pay.example");
    final PaymentSettings settings = PaymentSettings.DEFAULT;
    final RecordPaymentResultService results;
    final RequestPaymentService requests;
    final ReconcilePaymentsService reconciler;

    final PaymentGateway gateway;

    PaymentWorld() {
        this(InMemoryPorts::gateway, UnaryOperator.identity());
    }

    PaymentWorld(Function<InMemoryPorts, PaymentGateway> gateway) {
        this(gateway, UnaryOperator.identity());
    }

    /**
     * @param gateway            the M-PESA the use cases talk to, built over the ports
     * @param resultsForRequests what the payment requests see of the result use case (to simulate a crash)
     */
    PaymentWorld(Function<InMemoryPorts, PaymentGateway> gateway,
            UnaryOperator<RecordPaymentResultUseCase> resultsForRequests) {
        this.gateway = gateway.apply(ports);
        results = new RecordPaymentResultService(ports.paymentResults(), ports.payments(), ports.invoices(),
                ports.outbox(), ports.transactions(), ports.ids(), ports.clock(), ports.events(), merchant,
                ports.tracing());
        requests = new RequestPaymentService(ports.invoices(), ports.payments(), this.gateway,
                resultsForRequests.apply(results), ports.transactions(), ports.ids(), ports.clock(), ports.events(),
                settings);
        reconciler = new ReconcilePaymentsService(ports.payments(), ports.invoices(), ports.paymentResults(),
                this.gateway, results, ports.outbox(), ports.transactions(), ports.ids(), ports.clock(),
                ports.events(), merchant, settings, ports.tracing());
    }

    // ---- set-up ---------------------------------------------------------------------------------------------

    /** An invoice to {@link #CUSTOMER} for KES 2,500 that WhatsApp accepted. */
    Invoice sentInvoice() {
        InvoiceId id = ports.ids().nextInvoiceId();
        Invoice issued = Invoice.issue(id, Customer.of(CUSTOMER, new CustomerName("Mama Njeri")), AMOUNT,
                new Description("Cleaning (Wed 3pm)"), ports.ids().nextPayToken(), now());
        ports.invoices().add(issued);
        return ports.invoices().update(issued.sendAccepted(Channel.WHATSAPP, now()).invoice());
    }

    Invoice paid(Invoice invoice) {
        return ports.invoices().update(
                invoice(invoice.id()).paymentSucceeded(Optional.of(RECEIPT), now()).invoice());
    }

    Invoice cancelled(Invoice invoice) {
        return ports.invoices().update(invoice(invoice.id()).cancel(false, now()).invoice());
    }

    // ---- acting -----------------------------------------------------------------------------------------------

    RequestPaymentOutcome tap(Invoice invoice, String key) {
        return requests.requestPayment(RequestPaymentCommand.byPhone(invoice.id(), CUSTOMER, new IdempotencyKey(key)));
    }

    /** Taps and expects the prompt to go out; returns the attempt. */
    Payment initiated(Invoice invoice, String key) {
        RequestPaymentOutcome outcome = tap(invoice, key);
        if (!(outcome instanceof RequestPaymentOutcome.Initiated initiated)) {
            throw new AssertionError("expected Initiated, was " + outcome);
        }
        return payment(initiated.payment());
    }

    RecordOutcome callback(Payment attempt, StkResult result) {
        return results.record(callbackFor(attempt.checkoutRequestId().orElseThrow(), result, Optional.of(RECEIPT),
                Optional.of(BigDecimal.valueOf(2_500))));
    }

    PaymentResult callbackFor(CheckoutRequestId id, StkResult result, Optional<MpesaReceipt> receipt,
            Optional<BigDecimal> amount) {
        boolean paid = result.isSuccess();
        return new PaymentResult(id, Optional.of(new MerchantRequestId("mr-callback")), result,
                paid ? amount : Optional.empty(), paid ? receipt : Optional.empty(),
                paid ? Optional.of(now()) : Optional.empty(), paid ? Optional.of(CUSTOMER) : Optional.empty(), now());
    }

    Instant advance(Duration duration) {
        return ports.clock().advance(duration);
    }

    // ---- reading back -------------------------------------------------------------------------------------

    Instant now() {
        return ports.clock().instant();
    }

    Invoice invoice(InvoiceId id) {
        return ports.invoices().find(id).orElseThrow();
    }

    Payment payment(Payment attempt) {
        return ports.payments().find(attempt.id()).orElseThrow();
    }

    List<OutboxMessage> outbox() {
        return ports.outbox().all();
    }

    List<OutboxMessage> outboxTo(Msisdn to, MessagePurpose purpose) {
        return outbox().stream().filter(m -> m.recipient().equals(to) && m.purpose() == purpose).toList();
    }
}
