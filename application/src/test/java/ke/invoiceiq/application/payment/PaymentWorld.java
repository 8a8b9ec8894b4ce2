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
import ke.invoiceiq.application.invoice.CancelInvoiceCommand;
import ke.invoiceiq.application.invoice.CancelInvoiceOutcome;
import ke.invoiceiq.application.invoice.CancelInvoiceService;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.KeptResult;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentGateway;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.PaymentResultInbox;
import ke.invoiceiq.domain.payment.StkResult;
import ke.invoiceiq.domain.payment.UnmatchedPayment;

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
    static final StkResult PHONE_UNREACHABLE = new StkResult(1037, "DS timeout user cannot be reached");

    final InMemoryPorts ports = InMemoryPorts.create();
    final MerchantSettings merchant;
    final PaymentSettings settings;
    final RecordPaymentResultService results;
    final RequestPaymentService requests;
    final ReconcilePaymentsService reconciler;
    final ApplyUnmatchedPaymentService applyUnmatched;
    final CancelInvoiceService cancelInvoice;

    final PaymentGateway gateway;

    PaymentWorld() {
        this(InMemoryPorts::gateway, UnaryOperator.identity());
    }

    PaymentWorld(Function<InMemoryPorts, PaymentGateway> gateway) {
        this(gateway, UnaryOperator.identity());
    }

    PaymentWorld(PaymentSettings settings) {
        this(settings, InMemoryPorts::gateway, UnaryOperator.identity());
    }

    PaymentWorld(Function<InMemoryPorts, PaymentGateway> gateway,
            UnaryOperator<RecordPaymentResultUseCase> resultsForRequests) {
        this(PaymentSettings.DEFAULT, gateway, resultsForRequests);
    }

    /**
     * @param gateway            the M-PESA the use cases talk to, built over the ports
     * @param resultsForRequests what the payment requests see of the result use case (to simulate a crash)
     */
    PaymentWorld(PaymentSettings settings, Function<InMemoryPorts, PaymentGateway> gateway,
            UnaryOperator<RecordPaymentResultUseCase> resultsForRequests) {
        this(settings, gateway, resultsForRequests, UnaryOperator.identity());
    }

    /** With the merchant's settings changed by {@code merchantSettings} (language, Paybill, SMS replies). */
    static PaymentWorld withMerchant(UnaryOperator<MerchantSettings> merchantSettings) {
        return new PaymentWorld(PaymentSettings.DEFAULT, InMemoryPorts::gateway, UnaryOperator.identity(),
                merchantSettings);
    }

    PaymentWorld(PaymentSettings settings, Function<InMemoryPorts, PaymentGateway> gateway,
            UnaryOperator<RecordPaymentResultUseCase> resultsForRequests,
            UnaryOperator<MerchantSettings> merchantSettings) {
        this.merchant = merchantSettings.apply(
                new MerchantSettings(Set.of(MERCHANT), "Wanjiru Cleaners", "https://pay.example"));
        this.settings = settings;
        this.gateway = gateway.apply(ports);
        results = results(ports.invoices(), ports.paymentResults());
        requests = requests(ports.invoices(), this.gateway, resultsForRequests.apply(results));
        reconciler = reconciler(this.gateway, results, ports.paymentResults());
        applyUnmatched = new ApplyUnmatchedPaymentService(ports.unmatchedPayments(), ports.invoices(),
                ports.payments(), ports.outbox(), ports.transactions(), ports.ids(), ports.clock(), ports.events(),
                merchant, settings, ports.tracing());
        cancelInvoice = new CancelInvoiceService(ports.invoices(),
                new OutboxWriter(ports.outbox(), ports.ids(), ports.clock(), merchant, ports.tracing()),
                ports.transactions(), ports.events(), ports.clock());
    }

    // ---- the use cases over other ports -------------------------------------------------------------------
    // Built by hand, not taken from wiring.Core, on purpose: the tests swap one collaborator (a failing store, a
    // scripted gateway, a result recorder that crashes) under one use case at a time.

    RecordPaymentResultService results(InvoiceRepository invoices, PaymentResultInbox inbox) {
        return new RecordPaymentResultService(inbox, ports.payments(), invoices, ports.unmatchedPayments(),
                ports.outbox(), ports.transactions(), ports.ids(), ports.clock(), ports.events(), merchant, settings,
                ports.tracing());
    }

    RequestPaymentService requests(InvoiceRepository invoices, PaymentGateway pushes,
            RecordPaymentResultUseCase recorder) {
        return new RequestPaymentService(invoices, ports.payments(), pushes, recorder, ports.transactions(),
                ports.ids(), ports.clock(), ports.events(), settings);
    }

    ReconcilePaymentsService reconciler(PaymentGateway queries, RecordPaymentResultUseCase recorder,
            PaymentResultInbox inbox) {
        return new ReconcilePaymentsService(ports.payments(), ports.invoices(), inbox, queries, recorder,
                ports.outbox(), ports.transactions(), ports.ids(), ports.clock(), ports.events(), merchant, settings,
                ports.tracing());
    }

    // ---- set-up ---------------------------------------------------------------------------------------------

    /** An invoice to {@link #CUSTOMER} for KES 2,500 that WhatsApp accepted. */
    Invoice sentInvoice() {
        return sentInvoice(Language.EN);
    }

    /** The same, written to the customer in {@code language}. */
    Invoice sentInvoice(Language language) {
        InvoiceId id = ports.ids().nextInvoiceId();
        Invoice issued = Invoice.issue(id, Customer.of(CUSTOMER, new CustomerName("Mama Njeri")), AMOUNT,
                new Description("Cleaning (Wed 3pm)"), ports.ids().nextPayToken(), now(), Optional.empty(),
                language);
        ports.invoices().add(issued);
        return ports.invoices().update(issued.sendAccepted(Channel.WHATSAPP, now()).invoice());
    }

    /** Paid in full as a customer pays it: a tap, the prompt, M-PESA's success callback with {@link #RECEIPT}. */
    Invoice paid(Invoice invoice) {
        callback(initiated(invoice, "paid-" + invoice.id().value()), PAID);
        return invoice(invoice.id());
    }

    /** Cancelled by the merchant. */
    Invoice cancelled(Invoice invoice) {
        CancelInvoiceOutcome outcome = cancelInvoice.cancel(new CancelInvoiceCommand(invoice.id()));
        if (!(outcome instanceof CancelInvoiceOutcome.Cancelled cancelled)) {
            throw new AssertionError("expected Cancelled, was " + outcome);
        }
        return cancelled.invoice();
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

    /** M-PESA's callback for the attempt: on success, the amount it asked for moved, with {@link #RECEIPT}. */
    RecordOutcome callback(Payment attempt, StkResult result) {
        return callback(attempt, result, RECEIPT, attempt.amount().cents() / 100);
    }

    /** M-PESA's callback for the attempt: on success, {@code shillings} moved, with {@code receipt}. */
    RecordOutcome callback(Payment attempt, StkResult result, MpesaReceipt receipt, long shillings) {
        return results.record(callbackFor(attempt.checkoutRequestId().orElseThrow(), result, Optional.of(receipt),
                Optional.of(BigDecimal.valueOf(shillings))), Optional.of("{\"Body\":{}}"));
    }

    /** A callback as Daraja sends it, from {@link #CUSTOMER}, paid now; failures carry no money, no receipt. */
    PaymentResult callbackFor(CheckoutRequestId id, StkResult result, Optional<MpesaReceipt> receipt,
            Optional<BigDecimal> amount) {
        return callbackFrom(CUSTOMER, id, result, receipt, amount);
    }

    PaymentResult callbackFrom(Msisdn payer, CheckoutRequestId id, StkResult result, Optional<MpesaReceipt> receipt,
            Optional<BigDecimal> amount) {
        boolean paid = result.isSuccess();
        return new PaymentResult(id, Optional.of(new MerchantRequestId("mr-of-" + id.value())), result,
                paid ? amount : Optional.empty(), paid ? receipt : Optional.empty(),
                paid ? Optional.of(now()) : Optional.empty(), paid ? Optional.of(payer) : Optional.empty(), now());
    }

    /** A callback that matches no attempt, kept and then resolved for good: the money is raised as unmatched. */
    UnmatchedPayment unmatched(PaymentResult callback) {
        results.record(callback, Optional.empty());
        KeptResult kept = ports.paymentResults().unprocessed(callback.checkoutRequestId()).getFirst();
        RecordOutcome outcome = results.resolve(kept, true);
        if (!(outcome instanceof RecordOutcome.Unmatched raised)) {
            throw new AssertionError("expected Unmatched, was " + outcome);
        }
        return raised.payment();
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

    /** The only attempt of the invoice. */
    Payment onlyAttempt(Invoice invoice) {
        List<Payment> attempts = invoice(invoice.id()).payments();
        if (attempts.size() != 1) {
            throw new AssertionError("expected one attempt, were " + attempts);
        }
        return attempts.getFirst();
    }

    List<OutboxMessage> outbox() {
        return ports.outbox().all();
    }

    List<OutboxMessage> outboxTo(Msisdn to, MessagePurpose purpose) {
        return outbox().stream().filter(m -> m.recipient().equals(to) && m.purpose() == purpose).toList();
    }
}
