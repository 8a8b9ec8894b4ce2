package ke.invoiceiq.domain.export;

import java.util.List;
import java.util.Optional;

/**
 * Driven port: the money the merchant received, read across invoices (their M-PESA payments and the money recorded
 * outside M-PESA) and the M-PESA money still unmatched, for the books. Received at is when M-PESA says the money
 * moved (its transaction time) when it said so, else when the service recorded it (a success only a query told
 * of, or an unmatched report); for money outside M-PESA, when an operator recorded it.
 */
public interface MoneyReceived {

    /**
     * One page of the money received in {@code range} (the start included, the end excluded), oldest first
     * (received at, then {@link MoneyIn#key()}, ascending): at most {@code limit}, all strictly after {@code after}
     * when it is given. Money unmatched that was applied to an invoice since is that invoice's M-PESA payment now
     * and is returned once, as that.
     *
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    List<MoneyIn> page(ExportRange range, Optional<MoneyInCursor> after, int limit);
}
