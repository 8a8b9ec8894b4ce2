package ke.invoiceiq.application.payment;

import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentRepository;

/**
 * Reads an STK attempt together with its invoice and writes them back together. A payment has no version of
 * its own, so every settlement writes the invoice too, changed or not: its version check lets only one of two
 * concurrent settlements of one attempt commit (callback and query, two copies of a callback, expiry and a
 * late callback); the other retries and finds the attempt settled. The attempt is read again after the
 * invoice, so a settlement committed in between is seen; the invoice is written first, so a lost race throws
 * before anything is written.
 */
final class AttemptWithInvoice {

    record Loaded(Payment payment, Invoice invoice) {
    }

    private final PaymentRepository payments;
    private final InvoiceRepository invoices;

    AttemptWithInvoice(PaymentRepository payments, InvoiceRepository invoices) {
        this.payments = payments;
        this.invoices = invoices;
    }

    Loaded load(PaymentId id) {
        Payment first = payments.find(id).orElseThrow(() -> new IllegalStateException("no payment " + id));
        Invoice invoice = invoices.find(first.invoiceId())
                .orElseThrow(() -> new IllegalStateException("no invoice " + first.invoiceId() + " for payment " + id));
        return new Loaded(payments.find(id).orElseThrow(), invoice);
    }

    /** Returns the invoice as stored. */
    Invoice save(Payment payment, Invoice invoice) {
        Invoice stored = invoices.update(invoice);
        payments.update(payment);
        return stored;
    }
}
