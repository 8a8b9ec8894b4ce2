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
import ke.invoiceiq.domain.invoice.PayToken;
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
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.StkResult;

/**
 * Sample values for the port contracts. Times are whole seconds, so they survive a database's microsecond
 * timestamps unchanged; ids depend on the domain only, so a real adapter's tests need nothing else from here.
 */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");

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

    public static Invoice sent(Invoice invoice, Instant at) {
        return invoice.sendAccepted(Channel.WHATSAPP, at).invoice();
    }

    public static Invoice paid(Invoice invoice, Instant at) {
        return invoice.paymentSucceeded(Optional.of(new MpesaReceipt("NLJ7RT61SV")), at).invoice();
    }

    public static Invoice cancelled(Invoice invoice, Instant at) {
        return invoice.cancel(false, at).invoice();
    }

    public static Invoice failed(Invoice invoice, Instant at) {
        return invoice.deliveryFailedOnEveryChannel(at).invoice();
    }

    /** An INITIATED attempt with id {@code pay-n} and idempotency key {@code key-n}. */
    public static Payment payment(int n, InvoiceId invoice, Instant createdAt) {
        return payment(n, invoice, new IdempotencyKey("key-" + n), createdAt);
    }

    public static Payment payment(int n, InvoiceId invoice, IdempotencyKey key, Instant createdAt) {
        return Payment.initiate(new PaymentId("pay-" + n), invoice, msisdn(n), Amount.ofShillings(2_500), key,
                createdAt);
    }

    public static CheckoutRequestId checkoutRequestId(int n) {
        return new CheckoutRequestId("ws_CO_020320260600%06d".formatted(n));
    }

    /** A success callback with everything M-PESA sends. */
    public static PaymentResult callback(int n, Instant receivedAt) {
        return new PaymentResult(checkoutRequestId(n), Optional.of(new MerchantRequestId("29115-34620561-" + n)),
                new StkResult(0, "The service request is processed successfully."),
                Optional.of(new BigDecimal("2500")), Optional.of(new MpesaReceipt("NLJ7RT61SV")),
                Optional.of(Instant.parse("2026-03-02T06:00:31Z")), Optional.of(msisdn(n)), receivedAt);
    }

    /** A WhatsApp message with buttons, an SMS fallback text and template parameters. */
    public static OutboxMessage message(String id, Optional<InvoiceId> invoice, Instant now) {
        var content = OutboundContent.withButtons("Invoice INV-000001: KES 2,500 for Cleaning.",
                        List.of(new Button("pay:INV-000001", "Pay with M-PESA")))
                .withSms("Invoice INV-000001: KES 2,500. Reply PAY INV-000001 to pay with M-PESA.")
                .withTemplate(new TemplateParameters(List.of("INV-000001", "2,500"), "pay:INV-000001"));
        return OutboxMessage.queue(id, msisdn(1), MessagePurpose.INVOICE, invoice, Channel.WHATSAPP, content, now);
    }

    public static OutboxMessage plainReply(String id, Instant now) {
        return OutboxMessage.queue(id, msisdn(2), MessagePurpose.REPLY, Optional.empty(), Channel.WHATSAPP,
                OutboundContent.text("Send 'help' for the commands."), now);
    }
}
