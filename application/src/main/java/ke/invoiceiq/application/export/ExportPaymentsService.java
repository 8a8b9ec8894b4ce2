package ke.invoiceiq.application.export;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import ke.invoiceiq.domain.export.ExportRange;
import ke.invoiceiq.domain.export.MoneyIn;
import ke.invoiceiq.domain.export.MoneyInCursor;
import ke.invoiceiq.domain.export.MoneyReceived;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Walks the range oldest first in {@link MoneyReceived}'s keyset pages, {@link #BATCH} a page, each page its own
 * short read transaction, as {@link ExportInvoicesService} walks the invoices: memory stays one page however long
 * the range, and no transaction stays open while the caller writes to a slow client.
 */
public final class ExportPaymentsService implements ExportPaymentsUseCase {

    static final int BATCH = 200;

    private final MoneyReceived money;
    private final Transactions transactions;

    public ExportPaymentsService(MoneyReceived money, Transactions transactions) {
        this.money = Objects.requireNonNull(money, "money");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public long export(ExportRange range, Consumer<MoneyIn> each) {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(each, "each");
        Optional<MoneyInCursor> after = Optional.empty();
        long handed = 0;
        while (true) {
            Optional<MoneyInCursor> from = after;
            List<MoneyIn> page = transactions.inTransaction(() -> money.page(range, from, BATCH));
            page.forEach(each);
            handed += page.size();
            if (page.size() < BATCH) {
                return handed;
            }
            after = Optional.of(MoneyInCursor.after(page.getLast()));
        }
    }
}
