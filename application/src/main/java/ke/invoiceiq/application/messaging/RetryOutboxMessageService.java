package ke.invoiceiq.application.messaging;

import java.time.Clock;
import java.util.Objects;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Puts a FAILED message back to be sent ({@link OutboxMessage#retriedByOperator}): the dispatcher picks it up on
 * its next run, on its channel, with the pacing and fallback of any message.
 */
public final class RetryOutboxMessageService implements RetryOutboxMessageUseCase {

    private final OperatorOutboxDecision decision;
    private final Clock clock;

    public RetryOutboxMessageService(Outbox outbox, Transactions transactions, Clock clock) {
        this.decision = new OperatorOutboxDecision(outbox, transactions);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public OperatorOutboxOutcome retry(String messageId) {
        return decision.apply(messageId, clock.instant(), OutboxMessage::retriedByOperator);
    }
}
