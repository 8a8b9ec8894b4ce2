package ke.invoiceiq.application.messaging;

import java.time.Clock;
import java.util.Objects;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.shared.Transactions;

/** Gives a FAILED message up for good ({@link OutboxMessage#abandonedByOperator}): ABANDONED, never sent. */
public final class AbandonOutboxMessageService implements AbandonOutboxMessageUseCase {

    private final OperatorOutboxDecision decision;
    private final Clock clock;

    public AbandonOutboxMessageService(Outbox outbox, Transactions transactions, Clock clock) {
        this.decision = new OperatorOutboxDecision(outbox, transactions);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public OperatorOutboxOutcome abandon(String messageId) {
        return decision.apply(messageId, clock.instant(), (message, now) -> message.abandonedByOperator());
    }
}
