package ke.invoiceiq.application.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import ke.invoiceiq.application.messaging.OperatorOutboxOutcome.Done;
import ke.invoiceiq.application.messaging.OperatorOutboxOutcome.NotFailed;
import ke.invoiceiq.application.messaging.OperatorOutboxOutcome.NotFound;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * What the retry and the abandon share: read the message, let it decide ({@code decide} is one of
 * {@link OutboxMessage}'s operator transitions), and store the decision only while it is still FAILED, in one
 * transaction. A message that stopped being FAILED in between (another operator was quicker) is answered as it is now.
 */
final class OperatorOutboxDecision {

    private final Outbox outbox;
    private final Transactions transactions;

    OperatorOutboxDecision(Outbox outbox, Transactions transactions) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    OperatorOutboxOutcome apply(String id, Instant now,
            BiFunction<OutboxMessage, Instant, Optional<OutboxMessage>> decide) {
        Objects.requireNonNull(id, "id");
        return transactions.inTransaction(() -> {
            Optional<OutboxMessage> found = outbox.find(id);
            if (found.isEmpty()) {
                return new NotFound(id);
            }
            Optional<OutboxMessage> next = decide.apply(found.get(), now);
            if (next.isPresent() && outbox.replaceFailed(next.get(), now)) {
                return new Done(outbox.find(id).orElse(next.get()));
            }
            return outbox.find(id).<OperatorOutboxOutcome>map(m -> new NotFailed(id, m.status()))
                    .orElseGet(() -> new NotFound(id));
        });
    }
}
