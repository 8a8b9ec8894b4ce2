package ke.invoiceiq.adapters.memory.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.invoice.PaymentRequest;
import ke.invoiceiq.domain.messaging.Button;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.TemplateParameters;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.PaymentAttemptPolicy;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.StkResult;

/**
 * Sample values for the port contracts. Times are whole seconds, so they survive a database's microsecond
 * timestamps unchanged; ids depend on the domain only, so a real adapter's tests need nothing else from here.
 */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");

    /** The default: a new attempt follows most failures at once, a few (cancelled on the phone…) after 2 minutes. */
    public static final PaymentAttemptPolicy POLICY = PaymentAttemptPolicy.DEFAULT;

    private Fixtures() {
    }

    public static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    public static Msisdn msisdn(int n) {
        return new Msisdn("2547%08d".formatted(n));
    }

    public static InvoiceId invoiceId(int n) {
        return new InvoiceId("INV-%06d".formatted(n));
    }

    public static PayToken payToken(int n) {
        return new PayToken("contract-pay-token-%06d".formatted(n));
    }

    /** A PENDING invoice to customer {@code n}, named "Customer n". */
    public static Invoice invoice(int n, Instant createdAt) {
        return Invoice.issue(invoiceId(n), Customer.of(msisdn(n), new CustomerName("Customer " + n)),
                Amount.ofShillings(2_500), new Description("Cleaning (Wed 3pm)"), payToken(n), createdAt);
    }

    /** A PENDING invoice number {@code n} to {@code customer}: several invoices can share a payer. */
    public static Invoice invoice(int n, Msisdn customer, Instant createdAt) {
        return Invoice.issue(invoiceId(n), Customer.of(customer, new CustomerName("Customer " + n)),
                Amount.ofShillings(2_500), new Description("Cleaning (Wed 3pm)"), payToken(n), createdAt);
    }

    /**
     * Stores {@code state} as a repository would get it from the use cases: added as issued (an invoice is added
     * with no attempts), then updated to {@code state}. Returns it as stored.
     */
    public static Invoice store(InvoiceRepository invoices, Invoice state) {
        invoices.add(Invoice.issue(state.id(), state.customer(), state.amount(), state.description(),
                state.payToken(), state.createdAt()));
        return invoices.update(state);
    }

    public static Invoice sent(Invoice invoice, Instant at) {
        return invoice.sendAccepted(Channel.WHATSAPP, at).invoice();
    }

    /** Paid in full at {@code at} by one attempt of its own, started, named and settled then. */
    public static Invoice paid(Invoice invoice, Instant at) {
        String tag = invoice.id().value();
        var id = new PaymentId("paid-" + tag);
        var checkout = new CheckoutRequestId("ws_CO_paid_" + tag);
        Invoice asked = start(invoice, id, new IdempotencyKey("paid-" + tag), at);
        Invoice named = asked.pushAccepted(id, new MerchantRequestId("paid-" + tag), checkout, at);
        var result = new PaymentResult(checkout, Optional.empty(), StkResult.of(0),
                Optional.of(BigDecimal.valueOf(invoice.balance().cents(), 2)),
                Optional.of(new MpesaReceipt("PAID" + tag.replaceAll("[^A-Z0-9]", ""))), Optional.of(at),
                Optional.of(invoice.customer().msisdn()), at);
        return named.settle(id, result, POLICY, at).invoice();
    }

    public static Invoice cancelled(Invoice invoice, Instant at) {
        return invoice.cancel(at).invoice();
    }

    public static Invoice failed(Invoice invoice, Instant at) {
        return invoice.deliveryFailedOnEveryChannel(at).invoice();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Payment attempts, always through the invoice's own transitions. Attempt n is pay-n, with key key-n, and
    // Daraja names it with MerchantRequestID and CheckoutRequestID n.
    // ---------------------------------------------------------------------------------------------------------

    public static PaymentId paymentId(int n) {
        return new PaymentId("pay-" + n);
    }

    public static IdempotencyKey key(int n) {
        return new IdempotencyKey("key-" + n);
    }

    public static MerchantRequestId merchantRequestId(int n) {
        return new MerchantRequestId("29115-34620561-" + n);
    }

    public static CheckoutRequestId checkoutRequestId(int n) {
        return new CheckoutRequestId("ws_CO_020320260600%06d".formatted(n));
    }

    public static MpesaReceipt receipt(int n) {
        return new MpesaReceipt("NLJ7RT%06d".formatted(n));
    }

    /** Attempt n starts at {@code at}, for the invoice's balance, pushed to the invoiced number. */
    public static Invoice requested(Invoice invoice, int n, Instant at) {
        return start(invoice, paymentId(n), key(n), at);
    }

    /** Attempt n starts under idempotency key {@code key}. */
    public static Invoice requested(Invoice invoice, int n, IdempotencyKey key, Instant at) {
        return start(invoice, paymentId(n), key, at);
    }

    /** Daraja accepted attempt n's push and named it. */
    public static Invoice named(Invoice invoice, int n, Instant at) {
        return invoice.pushAccepted(paymentId(n), merchantRequestId(n), checkoutRequestId(n), at);
    }

    /** M-PESA's result for attempt n, applied at {@code at}. */
    public static Invoice settled(Invoice invoice, int n, PaymentResult result, Instant at) {
        return invoice.settle(paymentId(n), result, POLICY, at).invoice();
    }

    /** Attempt n is named, then succeeds with {@code shillings} and receipt n, all at {@code at}. */
    public static Invoice paidBy(Invoice invoice, int n, long shillings, Instant at) {
        return settled(named(invoice, n, at), n, success(n, shillings, at), at);
    }

    private static Invoice start(Invoice invoice, PaymentId id, IdempotencyKey key, Instant at) {
        return switch (invoice.requestPayment(Optional.empty(), id, key, POLICY, at)) {
            case PaymentRequest.Start start -> start.invoice();
            case PaymentRequest refused -> throw new IllegalStateException("no new attempt: " + refused);
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // Payment results
    // ---------------------------------------------------------------------------------------------------------

    /** A success callback for attempt n with everything M-PESA sends: KES 2,500 and receipt n. */
    public static PaymentResult callback(int n, Instant receivedAt) {
        return success(n, 2_500, receivedAt);
    }

    /** A success callback for attempt n: {@code shillings} moved, with receipt n. */
    public static PaymentResult success(int n, long shillings, Instant receivedAt) {
        return success(n, receipt(n), shillings, receivedAt);
    }

    public static PaymentResult success(int n, MpesaReceipt receipt, long shillings, Instant receivedAt) {
        return new PaymentResult(checkoutRequestId(n), Optional.of(merchantRequestId(n)),
                new StkResult(0, "The service request is processed successfully."),
                Optional.of(new BigDecimal(shillings)), Optional.of(receipt),
                Optional.of(Instant.parse("2026-03-02T06:00:31Z")), Optional.of(msisdn(n)), receivedAt);
    }

    /** A failure callback for attempt n: M-PESA's code, no money, no receipt. */
    public static PaymentResult failure(int n, int code, Instant receivedAt) {
        return new PaymentResult(checkoutRequestId(n), Optional.of(merchantRequestId(n)),
                new StkResult(code, "Request cancelled or failed"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), receivedAt);
    }

    /** A WhatsApp message with buttons, an SMS fallback text and template parameters. */
    public static OutboxMessage message(String id, Optional<InvoiceId> invoice, Instant now) {
        var content = OutboundContent.withButtons("Invoice INV-000001: KES 2,500 for Cleaning.",
                        List.of(new Button("pay:INV-000001", "Pay with M-PESA")))
                .withSms("Invoice INV-000001: KES 2,500. Reply PAY INV-000001 to pay with M-PESA.")
                .withTemplate(new TemplateParameters(List.of("INV-000001", "2,500"), "pay:INV-000001"))
                .withDigestLine("Invoice #INV-000001 (KES 2,500) sent.");
        return OutboxMessage.queue(id, msisdn(1), MessagePurpose.INVOICE, invoice, Channel.WHATSAPP, content, now);
    }

    /** A merchant notice to staff number {@code staff} on WhatsApp, with its SMS text. */
    public static OutboxMessage notice(String id, int staff, Instant now) {
        return OutboxMessage.queue(id, msisdn(staff), MessagePurpose.MERCHANT_NOTICE, Optional.empty(),
                Channel.WHATSAPP, OutboundContent.text("Notice " + id).withSms("Notice " + id), now);
    }

    public static OutboxMessage plainReply(String id, Instant now) {
        return OutboxMessage.queue(id, msisdn(2), MessagePurpose.REPLY, Optional.empty(), Channel.WHATSAPP,
                OutboundContent.text("Send 'help' for the commands."), now);
    }
}
