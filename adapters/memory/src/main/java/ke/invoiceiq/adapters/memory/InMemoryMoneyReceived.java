package ke.invoiceiq.adapters.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.export.ExportRange;
import ke.invoiceiq.domain.export.MoneyIn;
import ke.invoiceiq.domain.export.MoneyInCursor;
import ke.invoiceiq.domain.export.MoneyReceived;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.UnmatchedPayment;

/**
 * The money received, read from the in-memory invoices and unmatched payments where it is kept: a view, with no
 * state of its own, so it always sees what they hold.
 */
public final class InMemoryMoneyReceived implements MoneyReceived {

    private static final Comparator<MoneyIn> OLDEST_FIRST =
            Comparator.comparing(MoneyIn::receivedAt).thenComparing(MoneyIn::key);

    private final InMemoryInvoiceRepository invoices;
    private final InMemoryUnmatchedPayments unmatched;

    public InMemoryMoneyReceived(InMemoryInvoiceRepository invoices, InMemoryUnmatchedPayments unmatched) {
        this.invoices = Objects.requireNonNull(invoices, "invoices");
        this.unmatched = Objects.requireNonNull(unmatched, "unmatched");
    }

    @Override
    public List<MoneyIn> page(ExportRange range, Optional<MoneyInCursor> after, int limit) {
        Limits.requireNonNegative(limit);
        var all = new ArrayList<MoneyIn>();
        for (Invoice invoice : invoices.latest(Optional.empty(), Optional.empty(), Integer.MAX_VALUE)) {
            invoice.payments().stream().filter(Payment::succeeded).map(InMemoryMoneyReceived::of).forEach(all::add);
            for (int i = 0; i < invoice.paidOutside().size(); i++) {
                all.add(MoneyIn.outside(invoice.id(), i + 1, invoice.paidOutside().get(i)));
            }
        }
        unmatched.latest(Optional.of(UnmatchedPayment.Status.OPEN), Integer.MAX_VALUE).stream()
                .map(u -> MoneyIn.unmatched(u.id().value(), u.transactionTime().orElse(u.receivedAt()), u.amount(),
                        u.receipt(), u.payer()))
                .forEach(all::add);
        return all.stream()
                .filter(money -> range.contains(money.receivedAt()))
                .filter(money -> after.map(money::isAfter).orElse(true))
                .sorted(OLDEST_FIRST)
                .limit(limit)
                .toList();
    }

    /** When the attempt succeeded is not kept: its last change is, which a success ends but for a late receipt. */
    private static MoneyIn of(Payment paid) {
        return MoneyIn.mpesa(paid.id().value(), paid.transactionTime().orElse(paid.updatedAt()), paid.invoiceId(),
                paid.received().orElseThrow(), paid.receipt(), paid.payer());
    }
}
