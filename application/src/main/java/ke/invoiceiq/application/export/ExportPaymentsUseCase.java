package ke.invoiceiq.application.export;

import java.util.function.Consumer;
import ke.invoiceiq.domain.export.ExportRange;
import ke.invoiceiq.domain.export.MoneyIn;

/**
 * Driving port: every money received in a range, by when it was received (also for an invoice created before the
 * range), handed over one by one (oldest first) so the caller can write it out as it comes and nothing holds the
 * whole range in memory.
 */
public interface ExportPaymentsUseCase {

    /** @return how many were handed over */
    long export(ExportRange range, Consumer<MoneyIn> each);
}
