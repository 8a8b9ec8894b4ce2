package ke.invoiceiq.adapters.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.PaymentRequest;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.PaymentAttemptPolicy;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.StkResult;
import ke.invoiceiq.domain.payment.UnmatchedPayment;
import ke.invoiceiq.domain.payment.UnmatchedPaymentId;

/**
 * Money for the tests' invoices, moved the way the domain moves it: an STK attempt that M-PESA confirms with a
 * receipt of its own. Receipts are unique across all invoices (as the stores require), so every payment here gets
 * a fresh one.
 */
public final class TestPayments {

    private static final AtomicLong RECEIPTS = new AtomicLong();

    private TestPayments() {
    }

    /** A receipt no other test payment has: {@code TST0000001}, … */
    public static String nextReceipt() {
        return "TST%07d".formatted(RECEIPTS.incrementAndGet());
    }

    /**
     * The stored invoice {@code invoice} after a payment of {@code shillings} (its whole amount: PAID; less: a part
     * payment that leaves a balance), stored in {@code ports}.
     */
    public static Invoice pay(InMemoryPorts ports, Invoice invoice, long shillings) {
        Invoice current = ports.invoices().find(invoice.id()).orElseThrow();
        return ports.invoices().update(paid(current, shillings, ports.ids().nextId(), ports.clock().instant()));
    }

    /** {@code invoice} after an attempt (named {@code id}) that M-PESA confirmed paid {@code shillings}. */
    public static Invoice paid(Invoice invoice, long shillings, String id, Instant now) {
        var start = (PaymentRequest.Start) invoice.requestPayment(Optional.empty(), new PaymentId("pay-" + id),
                new IdempotencyKey("test:" + id), PaymentAttemptPolicy.DEFAULT, now);
        CheckoutRequestId checkout = new CheckoutRequestId("ws_CO_test_" + id);
        Invoice named = start.invoice().pushAccepted(start.attempt().id(), new MerchantRequestId("mr-test-" + id),
                checkout, now);
        return named.settle(start.attempt().id(), new PaymentResult(checkout, Optional.empty(), StkResult.of(0),
                        Optional.of(BigDecimal.valueOf(shillings)), Optional.of(new MpesaReceipt(nextReceipt())),
                        Optional.of(now), Optional.of(invoice.customer().msisdn()), now),
                PaymentAttemptPolicy.DEFAULT, now).invoice();
    }

    /**
     * Money M-PESA reported under a CheckoutRequestID no attempt has, stored OPEN as the payment-result use case
     * stores it; {@code shillings} empty when M-PESA did not say how much.
     */
    public static UnmatchedPayment unmatched(InMemoryPorts ports, Optional<Long> shillings,
            ke.invoiceiq.domain.customer.Msisdn payer) {
        return unmatched(ports, shillings, payer, new MpesaReceipt(nextReceipt()));
    }

    /** The same, with the receipt M-PESA reported: one already recorded on an invoice, say. */
    public static UnmatchedPayment unmatched(InMemoryPorts ports, Optional<Long> shillings,
            ke.invoiceiq.domain.customer.Msisdn payer, MpesaReceipt receipt) {
        String id = ports.ids().nextId();
        Instant now = ports.clock().instant();
        UnmatchedPayment payment = UnmatchedPayment.raise(new UnmatchedPaymentId("unm-" + id), new PaymentResult(
                new CheckoutRequestId("ws_CO_stray_" + id), Optional.of(new MerchantRequestId("mr-stray-" + id)),
                StkResult.of(0), shillings.map(BigDecimal::valueOf), Optional.of(receipt),
                Optional.of(now), Optional.of(payer), now));
        if (!ports.unmatchedPayments().add(payment)) {
            throw new IllegalStateException("not stored: " + payment.id());
        }
        return ports.unmatchedPayments().find(payment.id()).orElseThrow();
    }
}
