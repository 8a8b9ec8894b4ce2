package ke.invoiceiq.application.payment;

import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceCursor;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.payment.IdempotencyKey;

/** An invoice store that hands every call to a real one; test doubles override what they break. */
abstract class ForwardingInvoices implements InvoiceRepository {

    private final InvoiceRepository real;

    ForwardingInvoices(InvoiceRepository real) {
        this.real = real;
    }

    @Override
    public Invoice update(Invoice invoice) {
        return real.update(invoice);
    }

    @Override
    public void add(Invoice invoice, Optional<IdempotencyKey> creationKey) {
        real.add(invoice, creationKey);
    }

    @Override
    public Optional<Invoice> findByCreationKey(IdempotencyKey creationKey) {
        return real.findByCreationKey(creationKey);
    }

    @Override
    public Optional<Invoice> find(InvoiceId id) {
        return real.find(id);
    }

    @Override
    public Optional<Invoice> findByPayToken(PayToken token) {
        return real.findByPayToken(token);
    }

    @Override
    public List<Invoice> latest(Optional<InvoiceStatus> status, Optional<InvoiceCursor> after, int limit) {
        return real.latest(status, after, limit);
    }

    @Override
    public boolean exists(InvoiceId id) {
        return real.exists(id);
    }

    @Override
    public List<Invoice> openDueBy(java.time.LocalDate day, Optional<InvoiceId> after, int limit) {
        return real.openDueBy(day, after, limit);
    }
}
