package ke.invoiceiq.application.due;

import java.time.Clock;
import ke.invoiceiq.domain.due.DueDates;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.shared.Transactions;

public final class GetOverdueNumbersService implements GetOverdueNumbersUseCase {

    private final InvoiceRepository invoices;
    private final Transactions transactions;
    private final Clock clock;
    private final DueSettings settings;

    public GetOverdueNumbersService(InvoiceRepository invoices, Transactions transactions, Clock clock,
            DueSettings settings) {
        this.invoices = invoices;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public OverdueNumbers overdue() {
        return transactions.inTransaction(() -> OverdueNumbers.of(invoices, DueDates.today(clock.instant()),
                settings.batchSize()));
    }
}
