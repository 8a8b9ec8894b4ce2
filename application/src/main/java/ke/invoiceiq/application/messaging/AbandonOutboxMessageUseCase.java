package ke.invoiceiq.application.messaging;

/** Driving port: an operator gives a FAILED outbox message up for good (ABANDONED). */
public interface AbandonOutboxMessageUseCase {

    OperatorOutboxOutcome abandon(String messageId);
}
