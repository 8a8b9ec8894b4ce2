package ke.invoiceiq.adapters.africastalking.inbound;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import ke.invoiceiq.application.inbound.HandleInboundMessageOutcome;
import ke.invoiceiq.application.inbound.HandleInboundMessageUseCase;
import ke.invoiceiq.application.inbound.InboundMessage;

/**
 * Test fake of the inbound use case: records every message it is handed and de-duplicates nothing (so a
 * redelivery shows up twice); throws when told to, to play a database that is down.
 */
@Singleton
public class RecordingInboundMessages implements HandleInboundMessageUseCase {

    private final List<InboundMessage> messages = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;

    @Override
    public HandleInboundMessageOutcome handle(InboundMessage message) {
        if (failure != null) {
            throw failure;
        }
        messages.add(message);
        return new HandleInboundMessageOutcome.Duplicate();
    }

    List<InboundMessage> messages() {
        return List.copyOf(messages);
    }

    void failWith(RuntimeException e) {
        this.failure = e;
    }

    void reset() {
        messages.clear();
        failure = null;
    }
}
