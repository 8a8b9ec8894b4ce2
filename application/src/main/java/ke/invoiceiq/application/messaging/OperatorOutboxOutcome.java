package ke.invoiceiq.application.messaging;

import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.OutboxStatus;

/** What came of an operator's retry or abandon of an outbox message. */
public sealed interface OperatorOutboxOutcome {

    /** Done: the message as stored now (PENDING and due for a retry, or ABANDONED). */
    record Done(OutboxMessage message) implements OperatorOutboxOutcome {
    }

    /** Only a FAILED message can be retried or abandoned; this one is {@code status}. Nothing changed. */
    record NotFailed(String id, OutboxStatus status) implements OperatorOutboxOutcome {
    }

    record NotFound(String id) implements OperatorOutboxOutcome {
    }
}
