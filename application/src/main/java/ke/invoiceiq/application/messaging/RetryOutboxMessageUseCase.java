package ke.invoiceiq.application.messaging;

/** Driving port: an operator puts a FAILED outbox message back to be sent, with a fresh set of tries. */
public interface RetryOutboxMessageUseCase {

    OperatorOutboxOutcome retry(String messageId);
}
