package ke.invoiceiq.application.messaging;

/** Driving port, run by the scheduler or a worker: sends what is due in the outbox. */
public interface DispatchOutboxUseCase {

    DispatchReport dispatch();
}
