package ke.invoiceiq.application.payment;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.shared.Transactions;

/** Reads the STK attempts of an invoice; changes nothing. */
public final class FindPaymentsService implements FindPaymentsUseCase {

    private static final Comparator<Payment> NEWEST_FIRST = Comparator.comparing(Payment::createdAt)
            .thenComparing(p -> p.id().value())
            .reversed();

    private final InvoiceRepository invoices;
    private final Transactions transactions;

    public FindPaymentsService(InvoiceRepository invoices, Transactions transactions) {
        this.invoices = invoices;
        this.transactions = transactions;
    }

    @Override
    public Optional<List<Payment>> ofInvoice(InvoiceId invoiceId) {
        Objects.requireNonNull(invoiceId, "invoiceId");
        return transactions.inTransaction(() -> invoices.find(invoiceId)
                .map(invoice -> invoice.payments().stream().sorted(NEWEST_FIRST).toList()));
    }
}
