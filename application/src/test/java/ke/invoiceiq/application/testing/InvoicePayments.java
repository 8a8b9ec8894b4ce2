package ke.invoiceiq.application.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.PaymentRequest;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.PaymentAttemptPolicy;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.StkResult;

/**
 * Payment states for tests whose subject is not the payment itself, built only through the invoice's own
 * transitions, as the payment use cases build them: attempt {@code tag} is {@code pay-<tag>} under key
 * {@code key-<tag>}, and Daraja names it {@code mr-<tag>} / {@code ws_CO_<tag>}.
 */
public final class InvoicePayments {

    private static final PaymentAttemptPolicy POLICY = PaymentSettings.DEFAULT.policy();

    private InvoicePayments() {
    }

    /** Reads invoice {@code id}, applies {@code change} and stores the result; returns it as stored. */
    public static Invoice change(InvoiceRepository invoices, InvoiceId id, UnaryOperator<Invoice> change) {
        return invoices.update(change.apply(invoices.find(id).orElseThrow()));
    }

    public static PaymentId paymentId(String tag) {
        return new PaymentId("pay-" + tag);
    }

    public static CheckoutRequestId checkoutRequestId(String tag) {
        return new CheckoutRequestId("ws_CO_" + tag);
    }

    /** Attempt {@code tag} starts at {@code at} for the balance; Daraja has not named it (its outcome unknown). */
    public static Invoice requested(Invoice invoice, String tag, Instant at) {
        return switch (invoice.requestPayment(Optional.empty(), paymentId(tag), new IdempotencyKey("key-" + tag),
                POLICY, at)) {
            case PaymentRequest.Start start -> start.invoice();
            case PaymentRequest refused -> throw new IllegalStateException("no new attempt: " + refused);
        };
    }

    /** Attempt {@code tag} starts and Daraja names it: a prompt is open on the customer's phone. */
    public static Invoice promptOpen(Invoice invoice, String tag, Instant at) {
        return requested(invoice, tag, at).pushAccepted(paymentId(tag), new MerchantRequestId("mr-" + tag),
                checkoutRequestId(tag), at);
    }

    /** A new attempt {@code tag} moves {@code shillings} with {@code receipt}: paid in full, in part or beyond. */
    public static Invoice paidBy(Invoice invoice, String tag, long shillings, Optional<MpesaReceipt> receipt,
            Instant at) {
        var result = new PaymentResult(checkoutRequestId(tag), Optional.of(new MerchantRequestId("mr-" + tag)),
                StkResult.of(0), Optional.of(BigDecimal.valueOf(shillings)), receipt, Optional.of(at),
                Optional.of(invoice.customer().msisdn()), at);
        return promptOpen(invoice, tag, at).settle(paymentId(tag), result, POLICY, at).invoice();
    }

    /** A new attempt pays the whole balance. */
    public static Invoice paid(Invoice invoice, Optional<MpesaReceipt> receipt, Instant at) {
        return paidBy(invoice, invoice.id().value() + "-" + invoice.payments().size(), invoice.balance().cents() / 100,
                receipt, at);
    }
}
