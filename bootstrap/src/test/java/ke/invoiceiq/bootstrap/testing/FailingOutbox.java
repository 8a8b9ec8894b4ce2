package ke.invoiceiq.bootstrap.testing;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;

/**
 * Wraps the real outbox so a test can make the next {@code enqueue} blow up, as a crash or a lost connection
 * between writing the invoice and queueing its message would. Does nothing unless armed.
 */
@Decorator
@Priority(10)
public abstract class FailingOutbox implements Outbox {

    private static final AtomicBoolean FAIL_NEXT_ENQUEUE = new AtomicBoolean();

    @Inject
    @Delegate
    @Any
    Outbox delegate;

    public static void failNextEnqueue() {
        FAIL_NEXT_ENQUEUE.set(true);
    }

    public static void disarm() {
        FAIL_NEXT_ENQUEUE.set(false);
    }

    @Override
    public void enqueue(OutboxMessage message) {
        if (FAIL_NEXT_ENQUEUE.getAndSet(false)) {
            throw new IllegalStateException("simulated failure while queueing an outbox message");
        }
        delegate.enqueue(message);
    }
}
