package ke.invoiceiq.application.due;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.Money;

/**
 * How many open invoices are past their due date in Nairobi, and what is still owed on them. Derived from the
 * invoices, never stored.
 */
public record OverdueNumbers(long count, Money outstanding) {

    public OverdueNumbers {
        Objects.requireNonNull(outstanding, "outstanding");
    }

    /** Reads every open invoice due before {@code today}, {@code batch} at a time (call inside a unit of work). */
    public static OverdueNumbers of(InvoiceRepository invoices, LocalDate today, int batch) {
        long count = 0;
        Money outstanding = Money.ZERO;
        Optional<InvoiceId> after = Optional.empty();
        while (true) {
            List<Invoice> page = invoices.openDueBy(today.minusDays(1), after, batch);
            for (Invoice invoice : page) {
                count++;
                outstanding = outstanding.plus(invoice.balance());
            }
            if (page.size() < batch) {
                return new OverdueNumbers(count, outstanding);
            }
            after = Optional.of(page.getLast().id());
        }
    }
}
